#include "ckernel.h"
#include <dlfcn.h>
#include <stdio.h>

// Function pointers filled by ckernel_load, one per function used.
#define ZMQ_FUNCTIONS(X) \
    X(void *, zmq_ctx_new, (void)) \
    X(int, zmq_ctx_term, (void *)) \
    X(void *, zmq_socket, (void *, int)) \
    X(int, zmq_close, (void *)) \
    X(int, zmq_bind, (void *, const char *)) \
    X(int, zmq_setsockopt, (void *, int, const void *, size_t)) \
    X(int, zmq_getsockopt, (void *, int, void *, size_t *)) \
    X(int, zmq_send, (void *, const void *, size_t, int)) \
    X(int, zmq_msg_init, (zmq_msg_t *)) \
    X(int, zmq_msg_recv, (zmq_msg_t *, void *, int)) \
    X(int, zmq_msg_close, (zmq_msg_t *)) \
    X(void *, zmq_msg_data, (zmq_msg_t *)) \
    X(size_t, zmq_msg_size, (const zmq_msg_t *)) \
    X(int, zmq_msg_more, (const zmq_msg_t *)) \
    X(int, zmq_poll, (zmq_pollitem_t *, int, long)) \
    X(int, zmq_proxy, (void *, void *, void *)) \
    X(int, zmq_errno, (void)) \
    X(const char *, zmq_strerror, (int))

#define DECLARE(ret, name, args) static ret (*p_##name) args;
ZMQ_FUNCTIONS(DECLARE)
static const void *(*p_EVP_sha256)(void);
static unsigned char *(*p_HMAC)(const void *, const void *, int, const unsigned char *, size_t,
                                unsigned char *, unsigned int *);
static int (*p_CRYPTO_memcmp)(const void *, const void *, size_t);

static void *open_first(const char *const *names) {
    for (; *names; names++) {
        void *handle = dlopen(*names, RTLD_NOW | RTLD_LOCAL);
        if (handle) return handle;
    }
    return NULL;
}

static const char *const zmqNames[] = {"libzmq.so.5", "libzmq.so", "libzmq.5.dylib", "libzmq.dylib", NULL};
static const char *const cryptoNames[] = {"libcrypto.so.3", "libcrypto.so", "libcrypto.3.dylib", "libcrypto.dylib", NULL};

int ckernel_load(char *error, size_t size) {
    void *zmq = open_first(zmqNames);
    if (!zmq) { snprintf(error, size, "cannot load libzmq (apt install libzmq3-dev): %s", dlerror()); return -1; }
#define LOOKUP(ret, name, args) \
    if (!(*(void **)&p_##name = dlsym(zmq, #name))) { snprintf(error, size, "libzmq has no %s", #name); return -1; }
    ZMQ_FUNCTIONS(LOOKUP)
    return 0;
}

int ckernel_load_crypto(char *error, size_t size) {
    void *crypto = open_first(cryptoNames);
    if (!crypto) { snprintf(error, size, "cannot load libcrypto (apt install libssl-dev): %s", dlerror()); return -1; }
    *(void **)&p_EVP_sha256 = dlsym(crypto, "EVP_sha256");
    *(void **)&p_HMAC = dlsym(crypto, "HMAC");
    *(void **)&p_CRYPTO_memcmp = dlsym(crypto, "CRYPTO_memcmp");
    if (!p_EVP_sha256 || !p_HMAC || !p_CRYPTO_memcmp) {
        snprintf(error, size, "libcrypto lacks HMAC, EVP_sha256 or CRYPTO_memcmp");
        return -1;
    }
    return 0;
}

void *ck_zmq_ctx_new(void) { return p_zmq_ctx_new(); }
int ck_zmq_ctx_term(void *c) { return p_zmq_ctx_term(c); }
void *ck_zmq_socket(void *c, int type) { return p_zmq_socket(c, type); }
int ck_zmq_close(void *s) { return p_zmq_close(s); }
int ck_zmq_bind(void *s, const char *e) { return p_zmq_bind(s, e); }
int ck_zmq_setsockopt(void *s, int o, const void *v, size_t n) { return p_zmq_setsockopt(s, o, v, n); }
int ck_zmq_getsockopt(void *s, int o, void *v, size_t *n) { return p_zmq_getsockopt(s, o, v, n); }
int ck_zmq_send(void *s, const void *b, size_t n, int f) { return p_zmq_send(s, b, n, f); }
int ck_zmq_msg_init(zmq_msg_t *m) { return p_zmq_msg_init(m); }
int ck_zmq_msg_recv(zmq_msg_t *m, void *s, int f) { return p_zmq_msg_recv(m, s, f); }
int ck_zmq_msg_close(zmq_msg_t *m) { return p_zmq_msg_close(m); }
void *ck_zmq_msg_data(zmq_msg_t *m) { return p_zmq_msg_data(m); }
size_t ck_zmq_msg_size(const zmq_msg_t *m) { return p_zmq_msg_size(m); }
int ck_zmq_msg_more(const zmq_msg_t *m) { return p_zmq_msg_more(m); }
int ck_zmq_poll(zmq_pollitem_t *items, int n, long timeout) { return p_zmq_poll(items, n, timeout); }
int ck_zmq_proxy(void *f, void *b, void *c) { return p_zmq_proxy(f, b, c); }
int ck_zmq_errno(void) { return p_zmq_errno(); }
const char *ck_zmq_strerror(int e) { return p_zmq_strerror(e); }

int ck_hmac_sha256(const void *key, int keyLength, const unsigned char *data, size_t length,
                   unsigned char *digest) {
    unsigned int n = 0;
    return p_HMAC(p_EVP_sha256(), key, keyLength, data, length, digest, &n) && n == 32 ? 0 : -1;
}

int ck_crypto_memcmp(const void *a, const void *b, size_t n) { return p_CRYPTO_memcmp(a, b, n); }
