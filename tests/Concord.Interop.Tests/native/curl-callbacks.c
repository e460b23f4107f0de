/*
 * curl-callbacks.c - LD_PRELOAD shim that makes the Debian 12 SyncEvolution 2.0.0
 * command-line client usable as an HTTP SyncML client in the interop tests.
 *
 * Why this exists:
 *   The packaged libsyncevolution.so.0 (2.0.0-3+b1) sets up its libcurl handle in
 *   SyncEvo::CurlTransportAgent's constructor with
 *       curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, writeDataCallback);
 *       curl_easy_setopt(handle, CURLOPT_READFUNCTION,  readDataCallback);
 *   but the compiled code never loads the (variadic) callback argument: whatever
 *   happens to be in the argument register is passed.  libcurl then treats the
 *   transfer as having no callbacks and falls back to fwrite()/fread() on the
 *   WRITEDATA/READDATA pointer - which is the CurlTransportAgent object, not a
 *   FILE.  The client dies with SIGSEGV (exit code 139) at its first HTTP POST.
 *
 *   This library interposes curl_easy_setopt.  For every call it reads the
 *   variadic argument with the type implied by the option number (long, object
 *   pointer, function pointer, curl_off_t) and forwards it unchanged to the real
 *   libcurl.  Only when libsyncevolution itself sets CURLOPT_WRITEFUNCTION or
 *   CURLOPT_READFUNCTION does it substitute callbacks of its own, which forward to
 *   the exported C++ members
 *       size_t SyncEvo::CurlTransportAgent::writeData(void *buffer, size_t size)
 *       size_t SyncEvo::CurlTransportAgent::readData(void *buffer, size_t size)
 *   with the WRITEDATA/READDATA user pointer (the CurlTransportAgent "this") as
 *   the implicit object argument - exactly what the lost static callbacks do.
 *
 * Build (the test harness does this at run time, no curl headers needed):
 *   gcc -shared -fPIC -O2 -o curl-callbacks.so curl-callbacks.c -ldl
 * Use:
 *   LD_PRELOAD=/path/to/curl-callbacks.so syncevolution ...
 *
 * Set CONCORD_CURL_SHIM_DEBUG=1 to get a line on stderr for every substitution.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The few libcurl ABI facts we rely on (stable since libcurl 7.x; see curl/curl.h). */
typedef void CURL;
typedef int CURLcode;
typedef int CURLoption;
typedef int64_t curl_off_t;

#define CURLOPTTYPE_LONG          0
#define CURLOPTTYPE_OBJECTPOINT   10000
#define CURLOPTTYPE_FUNCTIONPOINT 20000
#define CURLOPTTYPE_OFF_T         30000
#define CURLOPTTYPE_BLOB          40000

#define CURLOPT_WRITEFUNCTION (CURLOPTTYPE_FUNCTIONPOINT + 11)
#define CURLOPT_READFUNCTION  (CURLOPTTYPE_FUNCTIONPOINT + 12)

#define CURLE_FAILED_INIT 2

typedef CURLcode (*setopt_fn)(CURL *, CURLoption, ...);
typedef size_t (*member_io_fn)(void *self, void *buffer, size_t size);
typedef void (*any_fn)(void);

/* Itanium C++ ABI names of the exported members (nm -D libsyncevolution.so.0). */
static const char WRITE_DATA_SYMBOL[] = "_ZN7SyncEvo18CurlTransportAgent9writeDataEPvm";
static const char READ_DATA_SYMBOL[] = "_ZN7SyncEvo18CurlTransportAgent8readDataEPvm";

static setopt_fn real_setopt;
static member_io_fn write_data_member;
static member_io_fn read_data_member;
static int debug_enabled = -1;

static void debug_log(const char *what)
{
    if (debug_enabled < 0) {
        const char *env = getenv("CONCORD_CURL_SHIM_DEBUG");
        debug_enabled = env != NULL && env[0] != '\0' && strcmp(env, "0") != 0;
    }
    if (debug_enabled) {
        fprintf(stderr, "curl-callbacks shim: %s\n", what);
    }
}

static size_t forward_write(char *ptr, size_t size, size_t nmemb, void *userdata)
{
    return write_data_member(userdata, ptr, size * nmemb);
}

static size_t forward_read(char *buffer, size_t size, size_t nmemb, void *userdata)
{
    return read_data_member(userdata, buffer, size * nmemb);
}

/* True when the caller's code lives in libsyncevolution (and not in some other user of libcurl). */
static int called_from_syncevolution(const void *return_address)
{
    Dl_info info;
    if (dladdr(return_address, &info) == 0 || info.dli_fname == NULL) {
        return 0;
    }
    return strstr(info.dli_fname, "libsyncevolution") != NULL;
}

/* dlsym returns an object pointer; POSIX guarantees it converts to a function pointer, ISO C does not say so. */
static void *lookup(void *handle, const char *name, void *function_pointer, size_t size)
{
    void *symbol = dlsym(handle, name);
    if (symbol != NULL) {
        memcpy(function_pointer, &symbol, size);
    }
    return symbol;
}

static void resolve_members(void)
{
    if (write_data_member == NULL) {
        lookup(RTLD_DEFAULT, WRITE_DATA_SYMBOL, &write_data_member, sizeof write_data_member);
    }
    if (read_data_member == NULL) {
        lookup(RTLD_DEFAULT, READ_DATA_SYMBOL, &read_data_member, sizeof read_data_member);
    }
}

CURLcode curl_easy_setopt(CURL *handle, CURLoption option, ...)
{
    if (real_setopt == NULL) {
        if (lookup(RTLD_NEXT, "curl_easy_setopt", &real_setopt, sizeof real_setopt) == NULL) {
            debug_log("real curl_easy_setopt not found");
            return CURLE_FAILED_INIT;
        }
    }

    const void *caller = __builtin_return_address(0);
    va_list args;
    va_start(args, option);
    CURLcode result;

    if (option < CURLOPTTYPE_OBJECTPOINT) {
        long value = va_arg(args, long);
        result = real_setopt(handle, option, value);
    } else if (option < CURLOPTTYPE_FUNCTIONPOINT) {
        void *value = va_arg(args, void *);
        result = real_setopt(handle, option, value);
    } else if (option < CURLOPTTYPE_OFF_T) {
        any_fn value = va_arg(args, any_fn);
        if ((option == CURLOPT_WRITEFUNCTION || option == CURLOPT_READFUNCTION)
            && called_from_syncevolution(caller)) {
            resolve_members();
            if (option == CURLOPT_WRITEFUNCTION && write_data_member != NULL) {
                debug_log("CURLOPT_WRITEFUNCTION -> CurlTransportAgent::writeData");
                value = (any_fn)forward_write;
            } else if (option == CURLOPT_READFUNCTION && read_data_member != NULL) {
                debug_log("CURLOPT_READFUNCTION -> CurlTransportAgent::readData");
                value = (any_fn)forward_read;
            } else {
                debug_log("CurlTransportAgent members not found, callback passed through");
            }
        }
        result = real_setopt(handle, option, value);
    } else if (option < CURLOPTTYPE_BLOB) {
        curl_off_t value = va_arg(args, curl_off_t);
        result = real_setopt(handle, option, value);
    } else {
        void *value = va_arg(args, void *);
        result = real_setopt(handle, option, value);
    }

    va_end(args);
    return result;
}
