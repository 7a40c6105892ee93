// Linux-only C surface that Glibc does not import (or imports awkwardly) for Swift: epoll, eventfd,
// accept4, malloc_trim and the flag macros the HTTP event loop needs. Everything is a `static inline` wrapper named
// `cl_...`, so this target needs no compiled C and no linker flags; Swift never touches the macros.
#ifndef TRADEFLOW_CLINUX_SHIM_H
#define TRADEFLOW_CLINUX_SHIM_H

#include <malloc.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>

// glibc only declares accept4 under _GNU_SOURCE. Defining that macro here would make these headers
// disagree with Swift's Glibc module (clang rejects the mismatched struct definitions), so the
// prototype is declared by hand instead; it is identical to glibc's and the symbol is always in libc.
extern int accept4(int fd, struct sockaddr *addr, socklen_t *addr_len, int flags);
extern int pthread_setname_np(pthread_t thread, const char *name); // same story as accept4

// MARK: malloc

/// The heap's bytes in use and the bytes malloc holds from the OS, now.
static inline void cl_heap_usage(uint64_t *in_use, uint64_t *held) {
    struct mallinfo2 info = mallinfo2();
    *in_use = (uint64_t)info.uordblks;
    *held = (uint64_t)(info.arena + info.hblkhd);
}

/// Returns free heap pages to the OS; reports the heap's bytes in use and held (after trimming).
static inline void cl_malloc_trim(uint64_t *in_use, uint64_t *held) {
    malloc_trim(0);
    cl_heap_usage(in_use, held);
}

// MARK: epoll

static inline int cl_epoll_create(void) { return epoll_create1(EPOLL_CLOEXEC); }

/// Registers, modifies or removes `fd`; `token` comes back verbatim in `cl_epoll_wait`'s `tokens`.
/// The op is passed as 0/1/2 (add/modify/delete) so Swift never sees EPOLL_CTL_* macros.
static inline int cl_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t token) {
    struct epoll_event event;
    event.events = events;
    event.data.u64 = token;
    int ctl = op == 0 ? EPOLL_CTL_ADD : (op == 1 ? EPOLL_CTL_MOD : EPOLL_CTL_DEL);
    return epoll_ctl(epfd, ctl, fd, &event);
}

/// `struct epoll_event` is packed on x86_64, so Swift code never indexes it: `scratch` is raw memory of
/// `capacity * cl_epoll_event_size()` bytes and the ready list is unpacked into two plain arrays.
static inline int cl_epoll_wait(int epfd, void *scratch, uint32_t *events,
                                uint64_t *tokens, int capacity, int timeout_ms) {
    struct epoll_event *ready = (struct epoll_event *)scratch;
    int count = epoll_wait(epfd, ready, capacity, timeout_ms);
    for (int i = 0; i < count; i++) {
        events[i] = ready[i].events;
        tokens[i] = ready[i].data.u64;
    }
    return count;
}

static inline size_t cl_epoll_event_size(void) { return sizeof(struct epoll_event); }

static inline uint32_t cl_epollin(void) { return EPOLLIN; }
static inline uint32_t cl_epollout(void) { return EPOLLOUT; }
static inline uint32_t cl_epollerr(void) { return EPOLLERR; }
static inline uint32_t cl_epollhup(void) { return EPOLLHUP; }

// MARK: eventfd

static inline int cl_eventfd(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }

// MARK: sockets

static inline int cl_accept4(int fd, struct sockaddr *addr, socklen_t *addr_len) {
    return accept4(fd, addr, addr_len, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

static inline int cl_socket_stream(int domain) {
    return socket(domain, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
}

static inline int cl_msg_nosignal(void) { return MSG_NOSIGNAL; }

// MARK: threads

/// Names show up in `top -H` and debuggers; Linux truncates to 15 bytes.
static inline int cl_set_thread_name(pthread_t thread, const char *name) {
    return pthread_setname_np(thread, name);
}

#endif
