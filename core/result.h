#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace Cronhelm {

// What went wrong, in the terms callers act on. The CLI maps these to its exit codes
// (see docs/cli.md); the desktop app picks its message and action from them.
enum class ErrorKind {
    BadInput,       // the caller's input is invalid (exit 2)
    Permission,     // the database refused it for the role (exit 3)
    NotFound,       // no such job / run (exit 4)
    Conflict,       // edited by someone else meanwhile, duplicate name (exit 5)
    ConnectionLost, // the server is unreachable or the connection dropped (exit 1)
    // The server answered and refused this login (wrong password, no pg_hba.conf entry, no
    // such database or role): trying again will not help until a person changes something
    // (exit 1).
    LoginRefused,
    Fenced, // this node no longer holds the executor lease
    Other,  // anything else (exit 1)
};

struct Error
{
    ErrorKind kind = ErrorKind::Other;
    QString message;
    // What the error is about, when the SQL API says: a job spec field ("name",
    // "target.url", …; see core/domain/jobspec.h) or "version" for a stale edit.
    QString field;
    // The server's SQLSTATE ("CHINV", "42501", …); empty for errors found on this side.
    QString sqlstate;
};

// A value or an Error. Errors cross layer boundaries as values, never as exceptions.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    {}
    Result(Error error)
        : m_state(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<Error>(m_state); }
    ErrorKind errorKind() const { return error().kind; }
    QString errorMessage() const { return ok() ? QString() : error().message; }

private:
    std::variant<T, Error> m_state;
};

// For operations that return nothing but may fail.
struct Done
{
};
using Status = Result<Done>;

inline Error makeError(ErrorKind kind, QString message, QString field = QString())
{
    return Error{kind, std::move(message), std::move(field), QString()};
}

} // namespace Cronhelm
