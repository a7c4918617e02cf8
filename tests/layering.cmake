# arch.layering: the folder tree is the dependency graph (docs/architecture.md). The widgets
# (ui/) see the store only through models/ and the domain's value types; the domain
# (core/domain) knows nothing of the store. Fails, naming file and line, on:
#   - an #include of store/, pqxx/ or libpq in ui/ or core/domain,
#   - the same in a models/ header that a ui/ file includes, directly or through another,
#   - ui/CMakeLists.txt or core/domain/CMakeLists.txt linking the store, libpqxx or libpq.
# Usage: cmake -DSOURCE_DIR=<repository> -P layering.cmake
cmake_minimum_required(VERSION 3.25)

if(NOT SOURCE_DIR)
    message(FATAL_ERROR "give -DSOURCE_DIR=<repository>")
endif()

set(forbidden_include "^[ \t]*#[ \t]*include[ \t]*[<\"](store/|pqxx/|libpq)")
set(problems "")

function(check_includes file)
    file(STRINGS "${file}" hits REGEX "${forbidden_include}")
    foreach(hit IN LISTS hits)
        string(STRIP "${hit}" hit)
        file(RELATIVE_PATH rel "${SOURCE_DIR}" "${file}")
        string(APPEND problems "\n  ${rel}: ${hit}")
    endforeach()
    set(problems "${problems}" PARENT_SCOPE)
endfunction()

file(GLOB_RECURSE ui_files "${SOURCE_DIR}/ui/*.h" "${SOURCE_DIR}/ui/*.cpp")
file(GLOB_RECURSE domain_files "${SOURCE_DIR}/core/domain/*.h" "${SOURCE_DIR}/core/domain/*.cpp")

# The models/ headers named in `files` (as <x.h> or "x.h"), appended to `out`.
function(models_headers_of out)
    set(found "${${out}}")
    foreach(file IN LISTS ARGN)
        file(STRINGS "${file}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"][a-z_]+\\.h[>\"]")
        foreach(line IN LISTS includes)
            string(REGEX REPLACE ".*[<\"]([a-z_]+\\.h)[>\"].*" "\\1" header "${line}")
            if(EXISTS "${SOURCE_DIR}/models/${header}")
                list(APPEND found "${SOURCE_DIR}/models/${header}")
            endif()
        endforeach()
    endforeach()
    list(REMOVE_DUPLICATES found)
    set(${out} "${found}" PARENT_SCOPE)
endfunction()

foreach(file IN LISTS ui_files domain_files)
    check_includes("${file}")
endforeach()

# Every models/ header a widget sees, directly or through another models/ header, is part of
# what the widget sees: follow the includes until no new header turns up.
set(model_headers "")
models_headers_of(model_headers ${ui_files})
set(checked "")
while(TRUE)
    set(unchecked "${model_headers}")
    list(REMOVE_ITEM unchecked ${checked})
    if(NOT unchecked)
        break()
    endif()
    list(APPEND checked ${unchecked})
    models_headers_of(model_headers ${unchecked})
endwhile()
foreach(file IN LISTS model_headers)
    check_includes("${file}")
endforeach()

foreach(lists ui/CMakeLists.txt core/domain/CMakeLists.txt)
    file(STRINGS "${SOURCE_DIR}/${lists}" hits REGEX "cronhelm-store|cronhelm-core|PQXX|PkgConfig::PQ")
    foreach(hit IN LISTS hits)
        string(STRIP "${hit}" hit)
        set(problems "${problems}\n  ${lists}: ${hit}")
    endforeach()
endforeach()

if(problems)
    message(FATAL_ERROR "Layering broken (ui/ and core/domain must not reach the store):${problems}")
endif()
list(LENGTH ui_files n_ui)
list(LENGTH model_headers n_models)
message(STATUS "Layering holds: ${n_ui} ui files, ${n_models} models headers they include, core/domain.")
