// The provincial system's replies (sync/reply.h): whatever comes over the network. ParseReply,
// ParseLookup and ParseProcedures on the same bytes; a failure is kUnavailable/"bad_reply" (the worker
// reports it and retries), a success keeps its promises: an error code, and steps and procedures that
// are what the data said.
#include "fuzz_check.h"
#include "sync/reply.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace motcua;
  const std::string_view text = fuzz::AsText(data, size);
  auto bad = [](const Error& e) { return e.code == ErrorCode::kUnavailable && e.rule == "bad_reply"; };
  auto reply = sync::ParseReply(text);
  if (!reply) {
    FUZZ_CHECK(bad(reply.error()), fuzz::Why(reply));
  } else {
    FUZZ_CHECK(!reply->error_code.empty(), "a reply without error_code was accepted");
    auto lookup = sync::ParseLookup(reply->data_json);  // the data a reply carries, reparsed
    FUZZ_CHECK(lookup || bad(lookup.error()), fuzz::Why(lookup));
  }
  auto lookup = sync::ParseLookup(text);
  FUZZ_CHECK(lookup || bad(lookup.error()), fuzz::Why(lookup));
  auto procedures = sync::ParseProcedures(text);
  if (!procedures) {
    FUZZ_CHECK(bad(procedures.error()), fuzz::Why(procedures));
  } else {
    for (const auto& p : *procedures) FUZZ_CHECK(!p.code.empty(), "a procedure without MATTHC was accepted");
  }
  return 0;
}
