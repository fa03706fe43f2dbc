// The two C libraries the Jupyter kernel needs, opened only when the kernel starts: libzmq
// (sockets) and OpenSSL's libcrypto (HMAC-SHA256). Linking them would load some twenty shared
// libraries into every `valuebench` process, about 5 ms of CPU at each start of the REPL and
// of every script; `ckernel_load` opens them with dlopen instead. The declarations come from
// the packages' own headers (libzmq3-dev, libssl-dev); the functions below have libzmq's and
// OpenSSL's signatures, prefixed.
#ifndef CKERNEL_H
#define CKERNEL_H
#include <stddef.h>
#include <zmq.h>

/// Opens libzmq; 0 on success, else -1 with a message in `error`.
int ckernel_load(char *error, size_t size);
/// Opens libcrypto (after the sockets are bound: a client that connects before the bind waits
/// out ZeroMQ's reconnect interval); 0 on success, else -1 with a message in `error`.
int ckernel_load_crypto(char *error, size_t size);

void *ck_zmq_ctx_new(void);
int ck_zmq_ctx_term(void *context);
void *ck_zmq_socket(void *context, int type);
int ck_zmq_close(void *socket);
int ck_zmq_bind(void *socket, const char *endpoint);
int ck_zmq_setsockopt(void *socket, int option, const void *value, size_t length);
int ck_zmq_getsockopt(void *socket, int option, void *value, size_t *length);
int ck_zmq_send(void *socket, const void *buffer, size_t length, int flags);
int ck_zmq_msg_init(zmq_msg_t *message);
int ck_zmq_msg_recv(zmq_msg_t *message, void *socket, int flags);
int ck_zmq_msg_close(zmq_msg_t *message);
void *ck_zmq_msg_data(zmq_msg_t *message);
size_t ck_zmq_msg_size(const zmq_msg_t *message);
int ck_zmq_msg_more(const zmq_msg_t *message);
int ck_zmq_poll(zmq_pollitem_t *items, int count, long timeout);
int ck_zmq_proxy(void *frontend, void *backend, void *capture);
int ck_zmq_errno(void);
const char *ck_zmq_strerror(int error);

/// HMAC-SHA256 of `data` under `key` into `digest` (32 bytes); 0 on success.
int ck_hmac_sha256(const void *key, int keyLength, const unsigned char *data, size_t length,
                   unsigned char *digest);
/// OpenSSL's CRYPTO_memcmp: 0 when equal, in time independent of the contents.
int ck_crypto_memcmp(const void *a, const void *b, size_t length);

#endif
