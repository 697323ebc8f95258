# One INTERFACE target carries the language standard, the warnings and Qt's safety
# macros; every Earmark target links it, so no target can drift from the rest.
add_library(earmark_options INTERFACE)
target_compile_features(earmark_options INTERFACE cxx_std_23)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(earmark_options INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual
    $<$<BOOL:${EARMARK_WERROR}>:-Werror>)
target_compile_definitions(earmark_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    EARMARK_VERSION="${PROJECT_VERSION}")
