# SPDX-License-Identifier: GPL-3.0-or-later
# keyward_set_warnings(target): the project's warning set, errors in CI.
function(keyward_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                           -Wnon-virtual-dtor -Wcast-qual -Wformat=2)
    if(KEYWARD_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII
                               QT_NO_URL_CAST_FROM_STRING
                               QT_NO_KEYWORDS)
endfunction()
