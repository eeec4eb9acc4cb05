// Hostile and nonsensical input never crashes the server or ends the
// session: parameters of the wrong types and sizes, positions far outside
// the text, random bytes, and edits in any order. (The suite also runs
// under ASan/UBSan.)
#include <gtest/gtest.h>

#include <random>

#include "lsp_session.h"

namespace tfguard::lsp::testing {
namespace {

// Values of every JSON type, some of them of hostile size.
json oddValue(std::mt19937& rng) {
  switch (rng() % 9) {
    case 0: return nullptr;
    case 1: return -1;
    case 2: return 4294967296LL * 4;
    case 3: return "file:///";
    case 4: return json::array({1, "x", nullptr});
    case 5: return json::object({{"line", -5}, {"character", 1e9}});
    case 6: return std::string(1000, '\xff');
    case 7: return 0.5;
    default: return json::object();
  }
}

TEST(LspRobustness, ParametersOfTheWrongShape) {
  WorkspaceCopy ws("robust");
  LspSession s;
  s.initialize();
  std::string uri = ws.uri("modules/web/main.tf");
  s.open(uri, ws.read("modules/web/main.tf"));
  std::mt19937 rng(7);
  const char* methods[] = {"textDocument/didOpen", "textDocument/didChange", "textDocument/didSave",
                           "textDocument/didClose", "textDocument/hover", "textDocument/codeAction",
                           "$/cancelRequest"};
  for (int i = 0; i < 400; ++i) {
    json params = {{"textDocument", rng() % 2 ? json{{"uri", uri}, {"version", oddValue(rng)}, {"text", oddValue(rng)}}
                                              : oddValue(rng)},
                   {"position", oddValue(rng)},
                   {"range", {{"start", oddValue(rng)}, {"end", {{"line", rng() % 40}, {"character", rng() % 90}}}}},
                   {"contentChanges", json::array({{{"range", {{"start", {{"line", rng() % 40}, {"character", rng() % 9}}},
                                                               {"end", {{"line", rng() % 40}, {"character", rng() % 90}}}}},
                                                    {"text", rng() % 3 ? json("x😀\r\n") : oddValue(rng)}}})},
                   {"context", oddValue(rng)},
                   {"id", oddValue(rng)}};
    const char* method = methods[rng() % std::size(methods)];
    if (rng() % 2) s.request(method, params);
    else s.notify(method, params);
  }
  json r = s.request("shutdown", nullptr);
  EXPECT_TRUE(r.contains("result")) << r.dump();
}

TEST(LspRobustness, RandomBytes) {
  LspSession s;
  s.initialize();
  std::mt19937 rng(11);
  constexpr std::string_view kAlphabet = "{}[]\":,0a \r\nContent-Length: 12";
  for (int i = 0; i < 200; ++i) {
    std::string bytes(rng() % 300, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() % 4 ? kAlphabet[rng() % kAlphabet.size()] : rng());
    s.sendBytes(bytes);
  }
  // Whatever state the framing is in, a clean message after a header
  // boundary is read again.
  s.sendBytes("\r\n\r\n");
  s.take();
  json r;
  for (int attempt = 0; attempt < 3 && !r.contains("result"); ++attempt) r = s.request("shutdown", nullptr);
  EXPECT_TRUE(r.contains("result"));
}

}  // namespace
}  // namespace tfguard::lsp::testing
