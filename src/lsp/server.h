#pragma once
// The language server (SPEC §8, `tfguard lsp`): the protocol's state
// machine (initialize → requests → shutdown → exit), the open buffers laid
// over the disk, and checks of the affected environments whose findings
// are published for every open file they are placed in. Single-threaded:
// the caller feeds it the messages that arrived together and the time, and
// it says when it next wants to run (a debounced check).
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/engine.h"
#include "lsp/json_rpc.h"
#include "lsp/text_document.h"

namespace tfguard::lsp {

using Clock = std::chrono::steady_clock;

struct ServerOptions {
  /// Quiet time after the last didChange before a check; initialize's
  /// `initializationOptions.debounceMs` overrides it.
  std::chrono::milliseconds debounce{200};
  DocumentStore::Limits documents;
  FramingLimits framing;
  unsigned jobs = 0;  ///< parser threads of a check; 0: the number of cores
  /// "YYYY-MM-DD" for suppression expiry; empty: today (tests pin it).
  std::string today;
  /// Called after every check with its result (the benchmark reads the
  /// phase timings).
  std::function<void(const engine::CheckResult&)> on_check;
};

class Server {
 public:
  using Send = std::function<void(const nlohmann::json&)>;
  Server(Send send, ServerOptions options);
  ~Server();

  /// Handles the messages that arrived together, in order. A
  /// $/cancelRequest among them cancels a request of the same batch that
  /// is not answered yet (it gets -32800).
  void handleFrames(std::vector<Frame> frames, Clock::time_point now);
  /// When the next debounced check is due; nullopt: none is pending.
  std::optional<Clock::time_point> nextDeadline() const;
  /// Runs the checks that are due at `now`.
  void runDue(Clock::time_point now);
  /// The input ended without `exit`: ends like `exit` does.
  void endOfInput();

  bool exitRequested() const { return exit_requested_; }
  /// 0 after shutdown then exit, 1 otherwise (LSP 3.17).
  int exitCode() const { return shutdown_ ? 0 : 1; }

  PositionEncoding encoding() const { return encoding_; }

 private:
  struct Workspace;
  struct Group;
  class PositionMapper;

  void handle(Incoming message, const std::set<std::string>& cancelled, Clock::time_point now);
  void handleRequest(const Incoming& message, Clock::time_point now);
  void handleNotification(const Incoming& message, Clock::time_point now);
  nlohmann::json initialize(const nlohmann::json& params);
  void didOpen(const nlohmann::json& params, Clock::time_point now);
  void didChange(const nlohmann::json& params, Clock::time_point now);
  void didSave(const nlohmann::json& params, Clock::time_point now);
  void didClose(const nlohmann::json& params, Clock::time_point now);
  std::optional<nlohmann::json> hover(const nlohmann::json& params);
  std::optional<nlohmann::json> codeActions(const nlohmann::json& params);

  /// The workspace a file belongs to, created on first use.
  Workspace& workspaceOf(const std::filesystem::path& file);
  void schedule(const std::filesystem::path& file, Clock::time_point now, Clock::duration delay);
  /// Runs a pending check of the workspace of `file` now (before answering
  /// a request about it, so that the answer matches the buffer).
  void flushFor(const std::filesystem::path& file);
  /// A document closed (or dropped for its size): its findings go, an empty
  /// list is published for it, and the other open files of its workspace
  /// are re-checked (the disk replaces its buffer).
  void forget(const std::string& uri, const std::filesystem::path& path, Clock::time_point now);
  void check(Workspace& workspace);
  void mergeResult(Workspace& workspace, engine::CheckResult& result, bool full,
                   const std::vector<std::filesystem::path>& changed);
  void publish(Workspace& workspace);
  std::vector<Group> groupsOf(const Workspace& workspace, const std::filesystem::path& file) const;
  nlohmann::json diagnosticOf(const Workspace& workspace, const Group& group, PositionMapper& positions) const;
  bool reloadSettings(Workspace& workspace);
  std::optional<nlohmann::json> suppressionAction(const TextDocument& document, const Group& group,
                                                  const Workspace& workspace, std::string_view environment,
                                                  const nlohmann::json& diagnostic) const;
  void showMessage(int type, const std::string& text);
  void log(const std::string& text);

  Send send_;
  ServerOptions options_;
  PositionEncoding encoding_ = PositionEncoding::kUtf16;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exit_requested_ = false;
  std::vector<std::filesystem::path> workspace_folders_;
  DocumentStore documents_;
  std::map<std::filesystem::path, std::unique_ptr<Workspace>> workspaces_;
  std::map<std::filesystem::path, std::filesystem::path> root_of_;  ///< file → its workspace root
  std::string last_shown_error_;
};

/// Serves one client on two file descriptors (stdin, stdout) until `exit`
/// or the end of the input: a poll() loop with the debounce as timeout.
/// Returns the process exit code.
int serve(int in_fd, int out_fd, ServerOptions options);

}  // namespace tfguard::lsp
