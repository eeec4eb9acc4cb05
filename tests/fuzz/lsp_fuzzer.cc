// libFuzzer target: the language server (tfguard lsp) fed the bytes a
// client writes to its stdin. The bytes go through the Content-Length
// framing (MessageReader) in reads of a fuzzed size, each read's messages
// are one batch for Server::handleFrames (as in serve.cc's poll loop), and
// the due checks run after each batch. Everything the server sends is
// encoded as on the wire and must parse back.
//
// Input: the first byte is the schedule, the rest the client's bytes.
//   bits 0-5  the size of each read: 0 the whole input at once, else n*n
//             bytes (1 to 3969; a header split across reads);
//   bits 6-7  how far the clock moves after each read: 0, 50 ms, 250 ms or
//             2 s, against the debounce of didChange (initialize's
//             initializationOptions.debounceMs, 200 ms by default).
// The seeds (corpus/lsp/) start with '@' (whole input, 50 ms).
//
// No real stdin, output, clock or threads: the server is driven in process
// as tests/lsp/lsp_session.h does, with jobs = 1 and the clock advanced by
// hand; the pending checks run at the end as if the client went quiet.
// Nothing outside a sandbox is read: file URIs (and initialize's rootPath)
// outside it are moved into it before dispatch — the sandbox is a copy of
// testdata/lsp/workspace in a temporary directory, a git root with a
// .tfguard.hcl, so that "file:///modules/web/main.tf" opens the test
// module and a check has findings to hover and fix. The server never
// writes files. Without the sandbox a URI such as "file:///x.tf" would
// check the whole of "/".
//
// The server logs dropped messages on stderr, once per bad frame; the
// target passes -close_fd_mask=2 (sanitizer reports and libFuzzer's own
// output still appear). TFGUARD_FUZZ_VERBOSE=1 keeps the log and prints
// what the server sends (to see what a seed exercises).
#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "lsp/json_rpc.h"
#include "lsp/server.h"
#include "lsp/text_document.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace tfguard;
using namespace tfguard::lsp;

// Inputs larger than this are ignored (libFuzzer's -max_len keeps generated
// inputs far below it; this only bounds oversized seeds).
constexpr size_t kMaxInput = 1 << 20;

fs::path& sandbox() {
  static fs::path dir;
  return dir;
}

void removeSandbox() {
  std::error_code ec;
  if (!sandbox().empty()) fs::remove_all(sandbox(), ec);
}

// The temporary workspace every file URI is moved into.
void makeSandbox() {
  std::string tmpl = (fs::temp_directory_path() / "tfguard-lsp-fuzz-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) {
    std::perror("tfguard_lsp_fuzzer: mkdtemp");
    std::abort();
  }
  sandbox() = fs::path(tmpl).lexically_normal();
  std::atexit(removeSandbox);
  std::error_code ec;
  fs::copy(fs::path(TFGUARD_TESTDATA) / "lsp" / "workspace", sandbox(), fs::copy_options::recursive, ec);
  if (ec) std::fprintf(stderr, "tfguard_lsp_fuzzer: no test workspace (%s); the sandbox is empty\n", ec.message().c_str());
  fs::create_directories(sandbox() / ".git");
}

// `path` (absolute) moved into the sandbox, unless it is already there.
fs::path confined(const fs::path& path) {
  fs::path normal = path.lexically_normal();
  auto inside = [&] {
    auto p = normal.begin();
    for (const fs::path& part : sandbox()) {
      if (p == normal.end() || *p != part) return false;
      ++p;
    }
    return true;
  };
  if (inside()) return normal;
  return (sandbox() / normal.relative_path()).lexically_normal();
}

// Moves the file URIs (and rootPath) in a message into the sandbox. The
// depth is bounded by parseBody's nesting limit. Returns whether anything
// changed.
bool confine(json& value, std::string_view key) {
  bool changed = false;
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) changed |= confine(it.value(), it.key());
  } else if (value.is_array()) {
    for (json& element : value) changed |= confine(element, "");
  } else if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    if (key == "rootPath") {
      fs::path path(text);
      if (!path.is_absolute()) return false;
      fs::path moved = confined(path);
      if (moved == path) return false;
      value = moved.string();
      return true;
    }
    auto path = pathFromUri(text);
    if (!path || !path->is_absolute()) return false;
    fs::path moved = confined(*path);
    if (moved == *path) return false;
    value = uriFromPath(moved);
    return true;
  }
  return changed;
}

bool& verbose() {
  static bool on = false;
  return on;
}

// Everything the server sends must be encodable and parse back.
void checkSent(const json& message) {
  std::string framed = encodeMessage(message);
  if (verbose()) std::fprintf(stderr, "<- %s\n", message.dump(-1, ' ', false, json::error_handler_t::replace).c_str());
  size_t body = framed.find("\r\n\r\n");
  if (body == std::string::npos) {
    std::fprintf(stderr, "tfguard_lsp_fuzzer: a sent message has no header\n");
    std::abort();
  }
  std::string error;
  if (!parseBody(std::string_view(framed).substr(body + 4), 1 << 20, &error)) {
    std::fprintf(stderr, "tfguard_lsp_fuzzer: a sent message does not parse back: %s\n", error.c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  makeSandbox();
  const char* env = std::getenv("TFGUARD_FUZZ_VERBOSE");
  verbose() = env != nullptr && std::strcmp(env, "1") == 0;
  if (verbose()) return 0;
  // -close_fd_mask=2 right after the program name: later flags override it.
  static std::vector<char*> args;
  static char quiet[] = "-close_fd_mask=2";
  args.assign(*argv, *argv + *argc);
  args.insert(args.begin() + 1, quiet);
  args.push_back(nullptr);
  *argc += 1;
  *argv = args.data();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > kMaxInput) return -1;
  const unsigned schedule = data[0];
  const size_t read_size = (schedule & 0x3f) == 0 ? size : (schedule & 0x3f) * (schedule & 0x3f);
  static constexpr int kStepMs[] = {0, 50, 250, 2000};
  const auto step = std::chrono::milliseconds(kStepMs[schedule >> 6]);
  std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);

  ServerOptions options;
  options.jobs = 1;
  options.today = "2026-06-01";
  FramingLimits framing = options.framing;
  MessageReader reader(framing);
  Server server(checkSent, options);
  Clock::time_point now{};  // a fixed start: the run does not depend on the time of day

  while (!input.empty() && !server.exitRequested()) {
    std::string_view chunk = input.substr(0, read_size);
    input.remove_prefix(chunk.size());
    reader.feed(chunk);
    std::vector<Frame> frames;
    while (auto frame = reader.next()) {
      if (frame->error.empty()) {
        std::string error;
        if (auto message = parseBody(frame->body, framing.max_nesting, &error); message && confine(*message, ""))
          frame->body = message->dump(-1, ' ', false, json::error_handler_t::replace);
      }
      frames.push_back(std::move(*frame));
    }
    server.handleFrames(std::move(frames), now);
    if (!server.exitRequested()) server.runDue(now);
    now += step;
  }
  if (!server.exitRequested()) {
    // The client went quiet: the debounced checks run, then the input ends.
    // (A check clears its workspace's deadline; the bound is a backstop.)
    for (int round = 0; round < 8; ++round) {
      auto due = server.nextDeadline();
      if (!due) break;
      server.runDue(*due);
    }
    server.endOfInput();
  }
  return 0;
}
