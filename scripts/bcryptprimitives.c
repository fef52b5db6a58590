/*
 * A stand-in bcryptprimitives.dll for running the Windows test suite under
 * Wine 8 (Debian 12), which lacks it. Rust's standard library asks it for
 * random bytes (ProcessPrng, for HashMap keys); this one answers from
 * advapi32's RtlGenRandom (SystemFunction036). Built by scripts/wine-setup.sh
 * with mingw and copied into the Wine prefix's system32; never shipped.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
