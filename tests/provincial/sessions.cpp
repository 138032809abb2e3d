#include "sessions.h"

#include "common/crypto.h"

namespace motcua::provincial {

std::string SessionTable::Open() {
  std::string token = RandomString(32, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
  std::lock_guard lock(mutex_);
  expires_at_[token] = std::chrono::steady_clock::now() + ttl_;
  return token;
}

bool SessionTable::IsValid(std::string_view token) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  std::erase_if(expires_at_, [&](const auto& entry) { return entry.second <= now; });
  return expires_at_.find(token) != expires_at_.end();
}

std::size_t SessionTable::ExpireAll() {
  std::lock_guard lock(mutex_);
  const std::size_t n = expires_at_.size();
  expires_at_.clear();
  return n;
}

}  // namespace motcua::provincial
