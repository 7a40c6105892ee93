// libssl (OpenSSL 3) for the HTTP client's TLS. Only `Shared/HTTP/TLS/LibSSL.swift` calls into this
// module. The OpenSSL names Swift cannot import (function-like macros over SSL_ctrl) are wrapped as
// `static inline` functions named `tf_ssl_...`, so no C is compiled and Swift never sees the macros.
#ifndef TRADEFLOW_CSSL_SHIM_H
#define TRADEFLOW_CSSL_SHIM_H

#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

/// SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION): nothing older than TLS 1.2 is negotiated.
static inline int tf_ssl_ctx_require_tls12(SSL_CTX *ctx) {
    return (int)SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
}

/// A peer that closes TCP without close_notify (common: Python's http.server, many load balancers)
/// reads as a clean end of stream; the HTTP layer checks Content-Length to catch truncation.
static inline void tf_ssl_ctx_ignore_unexpected_eof(SSL_CTX *ctx) {
    SSL_CTX_set_options(ctx, SSL_OP_IGNORE_UNEXPECTED_EOF);
}

/// SSL_set_tlsext_host_name: the server name sent in the ClientHello (SNI).
static inline int tf_ssl_set_server_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

/// The SSL_VERIFY_PEER flag, as a function so Swift needs no macro.
static inline int tf_ssl_verify_peer(void) { return SSL_VERIFY_PEER; }

static inline int tf_ssl_error_want_read(void) { return SSL_ERROR_WANT_READ; }
static inline int tf_ssl_error_want_write(void) { return SSL_ERROR_WANT_WRITE; }
static inline int tf_ssl_error_zero_return(void) { return SSL_ERROR_ZERO_RETURN; }
static inline int tf_ssl_error_syscall(void) { return SSL_ERROR_SYSCALL; }

#endif
