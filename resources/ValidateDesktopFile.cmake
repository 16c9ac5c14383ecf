# SPDX-License-Identifier: GPL-3.0-or-later
# cmake -DVALIDATOR=desktop-file-validate -DFILE=x.desktop -P ValidateDesktopFile.cmake
# Fails on every error, warning and hint desktop-file-validate reports, with one exception:
# desktop-file-utils before 0.27 (Debian 12 has 0.26) knows Desktop Entry 1.4 only and calls
# the 1.5 key SingleMainWindow unknown. That message alone is accepted; a newer validator checks
# the key for real.
execute_process(COMMAND ${VALIDATOR} ${FILE} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REPLACE ";" "," text "${out}${err}") # list-safe: the messages quote Categories values
string(REPLACE "\n" ";" lines "${text}")
set(problems)
foreach(line IN LISTS lines)
    if(line STREQUAL "")
        continue()
    endif()
    if(line MATCHES "contains key \"SingleMainWindow\" in group \"Desktop Entry\", but keys extending the format should start with \"X-\"")
        message(STATUS "accepted (validator older than Desktop Entry 1.5): ${line}")
        continue()
    endif()
    list(APPEND problems "${line}")
endforeach()
if(problems)
    list(JOIN problems "\n" text)
    message(FATAL_ERROR "${FILE}:\n${text}")
endif()
if(NOT rc EQUAL 0 AND NOT out MATCHES "SingleMainWindow" AND NOT err MATCHES "SingleMainWindow")
    message(FATAL_ERROR "${VALIDATOR} failed (${rc}) without saying why")
endif()
message(STATUS "${FILE}: valid")
