// libcrypto (OpenSSL) for the `Crypto` module: SHA-256, HMAC-SHA256, PBKDF2-HMAC-SHA256,
// RAND_bytes and CRYPTO_memcmp. Only `Shared/Crypto` imports this module; everything else uses
// the Swift API there. Headers come from the system include path (libssl-dev), never an absolute path.
#ifndef TRADEFLOW_CCRYPTO_SHIM_H
#define TRADEFLOW_CCRYPTO_SHIM_H

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#include <openssl/err.h>

#endif
