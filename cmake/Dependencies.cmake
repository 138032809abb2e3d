# Every dependency is a Debian 12 package (stack.md §1-2). Nothing is downloaded.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
find_package(ZXing 1.4 REQUIRED)
find_package(ICU REQUIRED COMPONENTS uc i18n)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET GLOBAL libpq)  # a center's PostgreSQL (stack.md §19)

# Every target that sees a ZXing header must see ZX_USE_UTF8 (stack.md §8.1, ODR).
add_library(zxing_utf8 INTERFACE)
target_link_libraries(zxing_utf8 INTERFACE ZXing::ZXing)
target_compile_definitions(zxing_utf8 INTERFACE ZX_USE_UTF8)

pkg_check_modules(PANGOCAIRO IMPORTED_TARGET pangocairo cairo-pdf)
find_package(CURL)

if(MOTCUA_BUILD_TESTS)
  find_package(GTest 1.12 REQUIRED)
  pkg_check_modules(HTTPLIB IMPORTED_TARGET cpp-httplib)
endif()
if(MOTCUA_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
