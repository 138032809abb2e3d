// Result<T>: a value or an Error. The core never throws across its boundary (style.md §2);
// every fallible call returns a Result, and callers branch on has_value().
//
// Error carries a machine code, the field at fault (core field name, e.g. "received_at"), a stable
// rule key (e.g. "not_a_working_day") that the apps map to Vietnamese text, and an English detail
// for logs and the CLI. Member names mirror std::expected so a later switch is mechanical.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace motcua {

enum class ErrorCode {
  kInvalid,      // the input breaks a rule
  kNotFound,     // the thing named does not exist
  kConflict,     // a transition not allowed, a duplicate, or a stale update
  kCorrupt,      // a journal hash mismatch or a damaged database
  kUnavailable,  // database busy, disk full, device missing: a retry may work
};

const char* ErrorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInvalid;
  std::string field;   // empty if no single field is at fault
  std::string rule;    // stable key, e.g. "not_a_working_day"
  std::string detail;  // English, for logs and the CLI; never shown to citizens

  // "field: detail [rule]" for logs and the CLI.
  std::string Describe() const;
};

inline Error Invalid(std::string field, std::string rule, std::string detail) {
  return Error{ErrorCode::kInvalid, std::move(field), std::move(rule), std::move(detail)};
}
inline Error NotFound(std::string field, std::string rule, std::string detail) {
  return Error{ErrorCode::kNotFound, std::move(field), std::move(rule), std::move(detail)};
}
inline Error Conflict(std::string field, std::string rule, std::string detail) {
  return Error{ErrorCode::kConflict, std::move(field), std::move(rule), std::move(detail)};
}
inline Error Corrupt(std::string field, std::string rule, std::string detail) {
  return Error{ErrorCode::kCorrupt, std::move(field), std::move(rule), std::move(detail)};
}
inline Error Unavailable(std::string field, std::string rule, std::string detail) {
  return Error{ErrorCode::kUnavailable, std::move(field), std::move(rule), std::move(detail)};
}

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool has_value() const { return v_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { return std::get<1>(v_); }
  Error& error() { return std::get<1>(v_); }

  template <class U>
  T value_or(U&& fallback) const& {
    return has_value() ? value() : static_cast<T>(std::forward<U>(fallback));
  }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }
  Error& error() { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

using Status = Result<void>;

inline Status Ok() { return {}; }

}  // namespace motcua

// Propagates an error from an expression returning Result<...>.
#define MOTCUA_TRY(expr)                          \
  do {                                            \
    auto motcua_try_result_ = (expr);             \
    if (!motcua_try_result_.has_value())          \
      return std::move(motcua_try_result_.error()); \
  } while (0)

#define MOTCUA_CONCAT_INNER_(a, b) a##b
#define MOTCUA_CONCAT_(a, b) MOTCUA_CONCAT_INNER_(a, b)

// MOTCUA_ASSIGN_OR_RETURN(auto x, Expr()); declares x from the value or returns the error.
#define MOTCUA_ASSIGN_OR_RETURN(decl, expr) \
  MOTCUA_ASSIGN_OR_RETURN_IMPL_(MOTCUA_CONCAT_(motcua_result_, __COUNTER__), decl, expr)
#define MOTCUA_ASSIGN_OR_RETURN_IMPL_(tmp, decl, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.has_value()) return std::move(tmp.error()); \
  decl = std::move(tmp).value()

// For our own bugs, never for input (style.md §2).
#define MOTCUA_ASSERT(cond, msg)                                                  \
  do {                                                                            \
    if (!(cond)) ::motcua::AssertFailed(#cond, msg, __FILE__, __LINE__);          \
  } while (0)

namespace motcua {
[[noreturn]] void AssertFailed(const char* cond, const char* msg, const char* file, int line);
}
