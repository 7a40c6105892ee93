// zlib (deflate/inflate) for the `Packing` module, which keeps quiet state compact in memory.
// Only `Shared/Packing` imports this module. Headers come from the system include path (zlib1g-dev).
#ifndef TRADEFLOW_CZLIB_SHIM_H
#define TRADEFLOW_CZLIB_SHIM_H

#include <zlib.h>

#endif
