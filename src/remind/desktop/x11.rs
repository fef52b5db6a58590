//! The X11 screensaver extension's idle time, loaded at run time so backfix
//! neither links to nor needs X libraries.

use chrono::TimeDelta;
use std::ffi::{c_char, c_int, c_ulong, c_void};

#[repr(C)]
struct Info {
    window: c_ulong,
    state: c_int,
    kind: c_int,
    til_or_since: c_ulong,
    idle: c_ulong,
    event_mask: c_ulong,
}

type QueryInfo = unsafe extern "C" fn(*mut c_void, c_ulong, *mut Info) -> c_int;

pub struct Idle {
    display: *mut c_void,
    root: c_ulong,
    info: *mut Info,
    query: QueryInfo,
}

// The display is only ever used from the reminder loop's thread.
unsafe impl Send for Idle {}

/// Set when the X connection broke; Xlib must not be called again then.
static GONE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Xlib's default I/O error handling ends the process; these let the
/// reminder carry on without an idle source instead.
unsafe extern "C" fn io_error(_display: *mut c_void) -> c_int {
    0
}

unsafe extern "C" fn io_error_exit(_display: *mut c_void, _data: *mut c_void) {
    GONE.store(true, std::sync::atomic::Ordering::SeqCst);
}

fn gone() -> bool {
    GONE.load(std::sync::atomic::Ordering::SeqCst)
}

unsafe fn sym(lib: *mut c_void, name: &[u8]) -> Option<*mut c_void> {
    // SAFETY: `name` is NUL-terminated; dlsym on a live handle.
    let p = unsafe { libc::dlsym(lib, name.as_ptr() as *const c_char) };
    (!p.is_null()).then_some(p)
}

impl Idle {
    pub fn open() -> Option<Idle> {
        std::env::var_os("DISPLAY").filter(|d| !d.is_empty())?;
        // SAFETY: plain dlopen/dlsym of the documented Xlib and Xss entry
        // points, called with the argument types their headers declare.
        unsafe {
            let x11 = libc::dlopen(c"libX11.so.6".as_ptr(), libc::RTLD_LAZY);
            if x11.is_null() {
                return None;
            }
            let xss = libc::dlopen(c"libXss.so.1".as_ptr(), libc::RTLD_LAZY);
            if xss.is_null() {
                return None;
            }
            let open: unsafe extern "C" fn(*const c_char) -> *mut c_void =
                std::mem::transmute(sym(x11, b"XOpenDisplay\0")?);
            let root_of: unsafe extern "C" fn(*mut c_void) -> c_ulong =
                std::mem::transmute(sym(x11, b"XDefaultRootWindow\0")?);
            let has_ext: unsafe extern "C" fn(*mut c_void, *mut c_int, *mut c_int) -> c_int =
                std::mem::transmute(sym(xss, b"XScreenSaverQueryExtension\0")?);
            let alloc: unsafe extern "C" fn() -> *mut Info =
                std::mem::transmute(sym(xss, b"XScreenSaverAllocInfo\0")?);
            let query: QueryInfo = std::mem::transmute(sym(xss, b"XScreenSaverQueryInfo\0")?);
            // Without a way to survive the X server going away (libX11
            // 1.7 or newer), don't use X at all.
            let set_io_error: unsafe extern "C" fn(
                unsafe extern "C" fn(*mut c_void) -> c_int,
            ) -> *mut c_void = std::mem::transmute(sym(x11, b"XSetIOErrorHandler\0")?);
            let set_io_exit: unsafe extern "C" fn(
                *mut c_void,
                unsafe extern "C" fn(*mut c_void, *mut c_void),
                *mut c_void,
            ) = std::mem::transmute(sym(x11, b"XSetIOErrorExitHandler\0")?);
            let display = open(std::ptr::null());
            if display.is_null() {
                return None;
            }
            set_io_error(io_error);
            set_io_exit(display, io_error_exit, std::ptr::null_mut());
            let (mut ev, mut err) = (0, 0);
            if has_ext(display, &mut ev, &mut err) == 0 {
                return None;
            }
            let info = alloc();
            if info.is_null() {
                return None;
            }
            let idle = Idle {
                display,
                root: root_of(display),
                info,
                query,
            };
            idle.query().map(|_| idle)
        }
    }

    fn query(&self) -> Option<TimeDelta> {
        if gone() {
            return None;
        }
        // SAFETY: display, root and info come from a successful open(),
        // and the connection has not failed.
        let ok = unsafe { (self.query)(self.display, self.root, self.info) };
        (ok != 0 && !gone()).then(|| TimeDelta::milliseconds(unsafe { (*self.info).idle } as i64))
    }

    pub fn idle(&mut self) -> Option<TimeDelta> {
        self.query()
    }
}
