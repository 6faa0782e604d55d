#pragma once

// ThreadSanitizer's annotations, for the hand-overs it cannot see: Qt is not built with it, so
// what Qt orders with its own locks (a QMutex waits on a futex directly) looks unordered. They
// compile to nothing without ThreadSanitizer.

#if defined(__SANITIZE_THREAD__)
#define TDL_THREAD_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TDL_THREAD_SANITIZER 1
#endif
#endif

#ifdef TDL_THREAD_SANITIZER
extern "C" {
void __tsan_acquire(void* addr);
void __tsan_release(void* addr);
void __tsan_ignore_thread_begin();
void __tsan_ignore_thread_end();
}
#endif

namespace tdl::ui {

class ThreadSanitizer {
public:
    // What this thread wrote before release(sync) happens before what another thread does after
    // acquire(sync).
    static void release([[maybe_unused]] void* sync) {
#ifdef TDL_THREAD_SANITIZER
        __tsan_release(sync);
#endif
    }

    static void acquire([[maybe_unused]] void* sync) {
#ifdef TDL_THREAD_SANITIZER
        __tsan_acquire(sync);
#endif
    }

    // While it lives, this thread's memory accesses are not recorded: for a call into Qt that
    // touches Qt's own shared state under a lock ThreadSanitizer cannot see.
    class IgnoredAccesses {
    public:
        IgnoredAccesses() {
#ifdef TDL_THREAD_SANITIZER
            __tsan_ignore_thread_begin();
#endif
        }
        ~IgnoredAccesses() {
#ifdef TDL_THREAD_SANITIZER
            __tsan_ignore_thread_end();
#endif
        }
        IgnoredAccesses(const IgnoredAccesses&) = delete;
        IgnoredAccesses& operator=(const IgnoredAccesses&) = delete;
    };
};

} // namespace tdl::ui
