// The built `tfguard lsp` as a client starts it: pipes for stdin and
// stdout, a session over them, and the exit codes of LSP 3.17 (0 after
// shutdown and exit, 1 for exit without shutdown or the end of the input).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "lsp/json_rpc.h"
#include "lsp_session.h"

namespace tfguard::lsp::testing {
namespace {

class ServerProcess {
 public:
  ServerProcess() {
    int to_child[2], from_child[2];
    if (::pipe(to_child) != 0 || ::pipe(from_child) != 0) ADD_FAILURE() << "pipe";
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(to_child[0], STDIN_FILENO);
      ::dup2(from_child[1], STDOUT_FILENO);
      ::close(to_child[0]), ::close(to_child[1]), ::close(from_child[0]), ::close(from_child[1]);
      ::execl(TFGUARD_BINARY, TFGUARD_BINARY, "lsp", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(to_child[0]);
    ::close(from_child[1]);
    in_ = to_child[1];
    out_ = from_child[0];
  }
  ~ServerProcess() {
    if (in_ >= 0) ::close(in_);
    ::close(out_);
    if (pid_ > 0 && status_ < 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  void send(const json& message) { sendRaw(encodeMessage(message)); }
  void sendRaw(const std::string& bytes) {
    ASSERT_EQ(::write(in_, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  }
  void closeInput() {
    ::close(in_);
    in_ = -1;
  }
  /// The next message from the server, waiting up to 30 s; null on timeout or end.
  json next() {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    for (;;) {
      if (auto f = reader_.next()) return json::parse(f->body);
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return nullptr;
      pollfd p{out_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return nullptr;
      char buffer[65536];
      ssize_t n = ::read(out_, buffer, sizeof buffer);
      if (n <= 0) return nullptr;
      reader_.feed(std::string_view(buffer, static_cast<size_t>(n)));
    }
  }
  /// Messages until one satisfies `wanted` (returned), or null.
  template <typename Pred>
  json until(Pred wanted) {
    for (json m = next(); !m.is_null(); m = next())
      if (wanted(m)) return m;
    return nullptr;
  }
  /// The exit code, waiting up to 30 s; -1 if it did not end.
  int exitCode() {
    for (int i = 0; i < 3000; ++i) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        status_ = status;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return -1;
  }

 private:
  pid_t pid_ = -1;
  int in_ = -1, out_ = -1;
  int status_ = -1;
  MessageReader reader_;
};

json request(int id, const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}};
}
json notification(const std::string& method, json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

TEST(LspProcess, ASessionOverPipesEndsWithZeroAfterShutdown) {
  WorkspaceCopy ws("process");
  ServerProcess server;
  server.send(request(1, "initialize", {{"processId", nullptr}, {"rootUri", uriFromPath(ws.dir())},
                                        {"capabilities", json::object()},
                                        {"initializationOptions", {{"debounceMs", 0}}}}));
  json init = server.next();
  EXPECT_EQ(init["id"], 1);
  EXPECT_EQ(init["result"]["capabilities"]["positionEncoding"], "utf-16");
  server.send(notification("initialized", json::object()));
  std::string uri = ws.uri("modules/web/main.tf");
  server.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", uri}, {"languageId", "terraform"},
                                                                      {"version", 1}, {"text", ws.read("modules/web/main.tf")}}}}));
  json published = server.until([&](const json& m) {
    return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri;
  });
  ASSERT_FALSE(published.is_null());
  EXPECT_EQ(describe(published["params"]["diagnostics"]),
            std::vector<std::string>{"ssh-admin-cidr 18:4-18:31 SSH (22/tcp) is open to 0.0.0.0/0; allowed admin "
                                     "CIDRs: 198.51.100.0/24 [dev]"});
  server.send(request(2, "shutdown", nullptr));
  json down = server.until([](const json& m) { return m.contains("id") && m["id"] == 2; });
  EXPECT_TRUE(down.contains("result"));
  server.send(notification("exit", nullptr));
  EXPECT_EQ(server.exitCode(), 0);
}

TEST(LspProcess, ExitWithoutShutdownIsOne) {
  ServerProcess server;
  server.send(request(1, "initialize", {{"capabilities", json::object()}}));
  EXPECT_EQ(server.next()["id"], 1);
  server.send(notification("exit", nullptr));
  EXPECT_EQ(server.exitCode(), 1);
}

TEST(LspProcess, EndOfInputIsOneAndGarbageNeverCrashes) {
  ServerProcess server;
  server.send(request(1, "initialize", {{"capabilities", json::object()}}));
  EXPECT_EQ(server.next()["id"], 1);
  std::string garbage = "Content-Length: 3\r\n\r\n{{{Content-Length: -1\r\n\r\nxx\r\n\r\n";
  garbage += std::string(20000, '\x01');
  server.sendRaw(garbage);
  EXPECT_EQ(server.next()["error"]["code"], -32700);  // the first frame: not JSON
  server.send(notification("textDocument/didOpen", {{"textDocument", {{"uri", "file:///nonexistent/x.tf"},
                                                                      {"text", "a = \"\xff\""}}}}));
  server.sendRaw("Content-Length: 10\r\n\r\n{\"jsonrpc\"");  // cut off by the end of the input
  server.closeInput();
  EXPECT_EQ(server.exitCode(), 1);
}

}  // namespace
}  // namespace tfguard::lsp::testing
