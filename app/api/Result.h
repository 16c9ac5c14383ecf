// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiFailure.h"

#include <utility>
#include <variant>

namespace keyward {

// A value or the reason there is none.
template<typename T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) { }
    Result(ApiFailure failure) : m_value(std::move(failure)) { }

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return std::get<T>(m_value); }
    T &value() { return std::get<T>(m_value); }
    const ApiFailure &error() const { return std::get<ApiFailure>(m_value); }

private:
    std::variant<T, ApiFailure> m_value;
};

} // namespace keyward
