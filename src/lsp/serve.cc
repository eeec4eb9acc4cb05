// The stdio loop: poll() on the input with the next debounced check as the
// timeout, so that one thread reads, checks and writes, in that order.
#include <errno.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "lsp/server.h"

namespace tfguard::lsp {
namespace {

// Writes all of `bytes`; false when the client is gone.
bool writeAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Milliseconds until `deadline` for poll(): -1 waits for input only.
int timeoutUntil(std::optional<Clock::time_point> deadline) {
  if (!deadline) return -1;
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(left + (left >= 0 ? 1 : 0), 0, 60'000));
}

}  // namespace

int serve(int in_fd, int out_fd, ServerOptions options) {
  bool output_ok = true;
  MessageReader reader(options.framing);
  Server server([&](const nlohmann::json& message) { output_ok = output_ok && writeAll(out_fd, encodeMessage(message)); },
                options);
  constexpr size_t kReadChunk = 64 * 1024;
  constexpr size_t kMaxBatchBytes = 4 * 1024 * 1024;  // then the checks get their turn
  std::string chunk(kReadChunk, '\0');
  bool input_open = true;
  while (input_open && output_ok && !server.exitRequested()) {
    pollfd in{in_fd, POLLIN, 0};
    int ready = ::poll(&in, 1, timeoutUntil(server.nextDeadline()));
    if (ready < 0 && errno != EINTR) break;
    // Everything that has arrived is one batch: a cancellation that is
    // already there reaches the request it cancels.
    std::vector<Frame> frames;
    for (size_t batch = 0; ready > 0 && batch < kMaxBatchBytes;) {
      ssize_t n = ::read(in_fd, chunk.data(), chunk.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        input_open = false;
        break;
      }
      batch += static_cast<size_t>(n);
      reader.feed(std::string_view(chunk.data(), static_cast<size_t>(n)));
      while (auto frame = reader.next()) frames.push_back(std::move(*frame));
      ready = ::poll(&in, 1, 0);
    }
    server.handleFrames(std::move(frames), Clock::now());
    if (!server.exitRequested()) server.runDue(Clock::now());
  }
  if (!input_open && !server.exitRequested()) {
    if (reader.midMessage()) std::fprintf(stderr, "tfguard lsp: the input ended inside a message\n");
    server.endOfInput();
  }
  return server.exitCode();
}

}  // namespace tfguard::lsp
