// user-data-restart-policy: EC2 user data that starts a container without
// a restart policy that survives a reboot (SPEC §6). The user data is read
// as each environment renders it (templatefile, base64encode decoded), and
// scanned as shell: line continuations joined, commands split at ; & && ||
// | ( ) $( ` and newlines, `sudo`/`env`/VAR=value prefixes skipped, heredoc
// bodies scanned like script lines, `sh -c "..."` and cloud-config
// `runcmd` items looked into.
#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "rules/registry.h"
#include "rules/rule_helpers.h"

namespace tfguard::rules {
namespace {

using eval::Value;

// ---- A small shell lexer ------------------------------------------------------

struct Token {
  enum class Kind : uint8_t { kWord, kOperator } kind = Kind::kWord;
  std::string text;
  bool quoted = false;  ///< the word had quotes (shown back with quotes if it has spaces)
  size_t line = 1;      ///< 1-based line in the script
};

bool isOperatorChar(char c) { return c == ';' || c == '&' || c == '|' || c == '(' || c == ')' || c == '`'; }

std::vector<Token> lex(std::string_view s) {
  std::vector<Token> out;
  Token word;
  bool in_word = false;
  size_t line = 1;
  // Contexts: 'N' normal (the top or inside $( )), '"' inside double quotes.
  std::vector<char> ctx{'N'};
  auto endWord = [&] {
    if (in_word) out.push_back(std::move(word));
    word = Token{};
    in_word = false;
  };
  auto startWord = [&] {
    if (!in_word) {
      word = Token{};
      word.line = line;
      in_word = true;
    }
  };
  auto op = [&](std::string text) {
    endWord();
    Token t;
    t.kind = Token::Kind::kOperator;
    t.text = std::move(text);
    t.line = line;
    out.push_back(std::move(t));
  };
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (ctx.back() == '"') {
      if (c == '"') {
        ctx.pop_back();
      } else if (c == '\\' && i + 1 < s.size()) {
        char n = s[i + 1];
        if (n == '\n') {
          ++line;
        } else if (n == '"' || n == '\\' || n == '$' || n == '`') {
          word.text += n;
        } else {
          word.text += c;
          word.text += n;
        }
        ++i;
      } else if (c == '$' && i + 1 < s.size() && s[i + 1] == '(') {
        // "$(cmd)": the command inside is scanned like any other.
        op("(");
        ctx.push_back('S');
        ++i;
      } else {
        if (c == '\n') ++line;
        word.text += c;
      }
      continue;
    }
    // Normal context ('N' at the top, 'S' inside "$(...)").
    if (c == '\\' && i + 1 < s.size()) {
      if (s[i + 1] == '\n') {  // line continuation
        ++line;
        ++i;
        continue;
      }
      if (s[i + 1] == '\r' && i + 2 < s.size() && s[i + 2] == '\n') {
        ++line;
        i += 2;
        continue;
      }
      startWord();
      word.text += s[i + 1];
      ++i;
      continue;
    }
    if (c == '\n') {
      op("\n");
      ++line;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      endWord();
      continue;
    }
    if (c == '#' && !in_word) {
      while (i + 1 < s.size() && s[i + 1] != '\n') ++i;
      continue;
    }
    if (c == '\'') {
      startWord();
      word.quoted = true;
      size_t end = s.find('\'', i + 1);
      if (end == std::string_view::npos) end = s.size();
      std::string_view part = s.substr(i + 1, end - i - 1);
      line += static_cast<size_t>(std::count(part.begin(), part.end(), '\n'));
      word.text += part;
      i = end;
      continue;
    }
    if (c == '"') {
      startWord();
      word.quoted = true;
      ctx.push_back('"');
      continue;
    }
    if (c == '$' && i + 1 < s.size() && s[i + 1] == '(') {
      op("(");
      ctx.push_back('S');
      ++i;
      continue;
    }
    if (c == ')' && ctx.back() == 'S') {
      op(")");
      ctx.pop_back();
      if (ctx.back() == '"') startWord();  // back inside the quotes
      continue;
    }
    if (c == '$' && i + 1 < s.size() && s[i + 1] == '{') {
      // ${VAR...}: part of the word, up to the matching brace.
      startWord();
      size_t end = s.find('}', i);
      if (end == std::string_view::npos) end = s.size() - 1;
      word.text += s.substr(i, end - i + 1);
      i = end;
      continue;
    }
    if (isOperatorChar(c)) {
      std::string text(1, c);
      if ((c == '&' || c == '|') && i + 1 < s.size() && s[i + 1] == c) text += s[++i];
      op(std::move(text));
      continue;
    }
    startWord();
    word.text += c;
  }
  endWord();
  return out;
}

/// The simple commands of a token stream: words between operators.
std::vector<std::vector<Token>> commands(const std::vector<Token>& tokens) {
  std::vector<std::vector<Token>> out;
  std::vector<Token> current;
  for (const Token& t : tokens) {
    if (t.kind == Token::Kind::kOperator) {
      if (!current.empty()) out.push_back(std::move(current));
      current.clear();
      continue;
    }
    current.push_back(t);
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

// ---- Container runs -------------------------------------------------------------

struct ContainerRun {
  std::string command;  ///< as shown in messages (words from the engine on)
  std::optional<std::string> restart;  ///< --restart's value, if given
  bool rm = false;
  size_t line = 0;
};

bool isAssignment(std::string_view w) {
  size_t eq = w.find('=');
  if (eq == 0 || eq == std::string_view::npos) return false;
  for (size_t i = 0; i < eq; ++i) {
    char c = w[i];
    bool ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

std::string_view basename(std::string_view w) {
  size_t slash = w.rfind('/');
  return slash == std::string_view::npos ? w : w.substr(slash + 1);
}

std::string shown(const Token& t) {
  if (t.quoted && (t.text.empty() || t.text.find_first_of(" \t\n") != std::string::npos)) {
    std::string q = "\"" + t.text + "\"";
    std::replace(q.begin(), q.end(), '\n', ' ');
    return q;
  }
  return t.text;
}

// Options of `docker run` / `podman run` that take no value.
constexpr std::array kBoolLong = {
    "detach", "interactive", "tty", "rm", "privileged", "init", "read-only", "publish-all", "no-healthcheck",
    "oom-kill-disable", "help", "quiet", "replace", "rmi", "disable-content-trust", "sig-proxy", "no-hosts",
    "http-proxy", "tls-verify", "use-api-socket", "passwd", "read-only-tmpfs", "env-host", "rootfs"};
// Short options that take a value (the others are flags: -d -i -t -P -q).
constexpr std::string_view kValueShort = "aceghlmpuvw";

bool isBoolLong(std::string_view name) {
  return std::find(kBoolLong.begin(), kBoolLong.end(), name) != kBoolLong.end();
}

void scanScript(std::string_view script, std::vector<ContainerRun>& out, int depth);

/// Looks at one simple command; appends a ContainerRun when it starts a container.
void scanCommand(const std::vector<Token>& words, std::vector<ContainerRun>& out, int depth) {
  size_t i = 0;
  auto word = [&](size_t k) -> std::string_view { return k < words.size() ? std::string_view(words[k].text) : ""; };
  // Prefixes: keywords, sudo/env/nohup/... with their options, VAR=value.
  for (bool again = true; again && i < words.size();) {
    again = false;
    std::string_view w = word(i);
    if (w == "then" || w == "do" || w == "else" || w == "elif" || w == "if" || w == "while" || w == "until" ||
        w == "!" || w == "{" || w == "}" || w == "time" || w == "exec" || w == "nohup" || w == "command" ||
        w == "-" /* cloud-config runcmd list item */) {
      // A runcmd item given as one quoted string: "- 'docker run ...'".
      if (w == "-" && i + 2 == words.size() && words[i + 1].quoted && depth < 4) {
        scanScript(words[i + 1].text, out, depth + 1);
        return;
      }
      ++i;
      again = true;
    } else if (w == "sudo" || w == "doas") {
      ++i;
      while (i < words.size() && word(i).starts_with('-')) {
        std::string_view o = word(i++);
        if ((o == "-u" || o == "-g" || o == "-C" || o == "-h" || o == "-p" || o == "-U") && i < words.size()) ++i;
      }
      again = true;
    } else if (w == "env") {
      ++i;
      while (i < words.size() && (word(i).starts_with('-') || isAssignment(word(i)))) {
        std::string_view o = word(i++);
        if ((o == "-u" || o == "-C") && i < words.size()) ++i;
      }
      again = true;
    } else if (w == "timeout") {
      ++i;
      while (i < words.size() && word(i).starts_with('-')) ++i;
      if (i < words.size()) ++i;  // the duration
      again = true;
    } else if (isAssignment(w)) {
      ++i;
      again = true;
    }
  }
  if (i >= words.size()) return;
  std::string_view cmd = basename(word(i));
  // sh -c "docker run ...": look inside the script argument.
  if ((cmd == "sh" || cmd == "bash" || cmd == "dash" || cmd == "zsh") && depth < 4) {
    for (size_t k = i + 1; k + 1 < words.size(); ++k)
      if (word(k) == "-c" || (word(k).starts_with('-') && !word(k).starts_with("--") && word(k).find('c') != std::string_view::npos)) {
        scanScript(word(k + 1), out, depth + 1);
        return;
      }
    return;
  }
  if (cmd != "docker" && cmd != "podman") return;
  size_t engine = i++;
  // Global options of the engine (docker -H host run ...).
  while (i < words.size() && word(i).starts_with('-')) {
    std::string_view o = word(i++);
    if (o.find('=') != std::string_view::npos) continue;
    if ((o == "-H" || o == "--host" || o == "--context" || o == "-c" || o == "--config" || o == "--log-level" ||
         o == "-l" || o == "--tlscacert" || o == "--tlscert" || o == "--tlskey" || o == "--root" || o == "--runroot" ||
         o == "--url" || o == "--connection" || o == "--storage-driver" || o == "--cgroup-manager") &&
        i < words.size())
      ++i;
  }
  if (word(i) == "container") ++i;
  if (word(i) != "run") return;
  ++i;
  ContainerRun run;
  run.line = words[engine].line;
  // Options up to the image; what follows the image is the container's command.
  while (i < words.size()) {
    std::string_view w = word(i);
    if (w == "--") {
      ++i;
      break;
    }
    if (w.starts_with("--")) {
      std::string_view name = w.substr(2);
      std::optional<std::string> value;
      if (size_t eq = name.find('='); eq != std::string_view::npos) {
        value = std::string(name.substr(eq + 1));
        name = name.substr(0, eq);
        ++i;
      } else if (isBoolLong(name)) {
        ++i;
      } else {
        ++i;
        if (i < words.size()) value = words[i++].text;
      }
      if (name == "restart") run.restart = value.value_or("");
      if (name == "rm") run.rm = true;
      continue;
    }
    if (w.starts_with('-') && w.size() > 1) {
      ++i;
      for (size_t k = 1; k < w.size(); ++k) {
        if (kValueShort.find(w[k]) != std::string_view::npos) {
          if (k + 1 == w.size() && i < words.size()) ++i;  // the value is the next word
          break;                                           // else the rest of the cluster is the value
        }
      }
      continue;
    }
    break;  // the image
  }
  std::vector<std::string> parts;
  for (size_t k = engine; k < words.size(); ++k) parts.push_back(shown(words[k]));
  run.command = joinStrings(parts, " ");
  out.push_back(std::move(run));
}

void scanScript(std::string_view script, std::vector<ContainerRun>& out, int depth) {
  std::vector<Token> tokens = lex(script);
  for (const auto& cmd : commands(tokens)) {
    size_t before = out.size();
    scanCommand(cmd, out, depth);
    // Lines inside nested scripts are not lines of this script.
    if (depth > 0)
      for (size_t k = before; k < out.size(); ++k) out[k].line = 0;
  }
}

std::vector<ContainerRun> containerRuns(std::string_view script) {
  std::vector<ContainerRun> out;
  scanScript(script, out, 0);
  return out;
}

bool survivesReboot(std::string_view policy) { return policy == "always" || policy == "unless-stopped"; }

// ---- The rule -------------------------------------------------------------------

class UserDataRestartPolicyRule final : public Rule {
 public:
  UserDataRestartPolicyRule() {
    meta_.id = "user-data-restart-policy";
    meta_.default_severity = Severity::kError;
    meta_.summary = "containers started from EC2 user data need --restart always or unless-stopped";
    meta_.description = R"md(## What fails

Every `docker run`, `docker container run` or `podman run` in the user data of
an `aws_instance` (`user_data`, `user_data_base64`), an `aws_launch_template`
(`user_data`) or an `aws_launch_configuration` (`user_data`,
`user_data_base64`) that does not have `--restart always` or
`--restart unless-stopped` (written `--restart X` or `--restart=X`, quoted or
not) among docker's options — that is, before the image. Any other policy
fails too: `no`, `on-failure`, `on-failure:5` do not restart the container
after a reboot. Following the specification strictly, `--rm` containers fail
as well (the message then suggests dropping `--rm`, or suppressing the
finding for a genuine one-shot job); `-d` makes no difference.

The user data is checked **as each environment renders it**:

- `templatefile(...)` is rendered with the environment's values (a
  `restart_policy` variable set to `""` in one environment's tfvars fails
  there only);
- base64 is decoded: `user_data_base64`, `aws_launch_template`'s
  `base64encode(...)`, and `user_data = base64encode(...)` on an instance;
  gzip-compressed user data (`base64gzip`) cannot be read: undecided;
- a user data whose value is only known at apply (it interpolates a bucket
  name or an image URL created by the same apply) is **undecided**: no
  finding, listed with `--show-undecided`.

The script is read as shell, not searched as text:

- backslash-newline continuations are joined (also with CRLF);
- commands are split at `;`, `&`, `&&`, `||`, `|`, `(`, `)`, `$( )`
  (also inside double quotes) and backquotes, so
  `apt-get update && docker run ...` and `CID=$(docker run ...)` are found;
- `sudo` (with its options), `env`, `nohup`, `exec`, `timeout`, `then`/`do`
  and `VAR=value` prefixes are skipped, `/usr/bin/docker` is docker, docker's
  global options (`-H host`) are skipped;
- lines of heredocs inside the script (`cat > /opt/start.sh <<'EOF'`) are
  checked like script lines; `sh -c "..."`/`bash -c "..."` arguments and
  cloud-config `runcmd` items (`- docker run ...`, `- 'docker run ...'`) are
  looked into;
- comments, `echo "docker run ..."` and other quoted mentions are not
  commands; a systemd unit line `ExecStart=/usr/bin/docker run ...` is not a
  shell command (systemd's `Restart=` governs it) and passes;
- `--restart` after the image belongs to the container's own command and
  does not count;
- `--restart $POLICY` (a shell variable) is undecided.

## The finding

One finding per offending command, at the `user_data` (or `user_data_base64`)
argument (the attribute path is the argument's name), with the command
shortened to 80 characters:

```
container started without a restart policy: `docker run -d --name app nginx` (add --restart unless-stopped)
container started with --restart on-failure:5, which does not restart it after a reboot: `docker run -d --restart on-failure:5 --name worker ghcr.io/example/worker:2` (use --restart unless-stopped)
```

A sensitive user data (it interpolates a sensitive variable) is reported
with `(sensitive)` instead of the command. The detail names the line of the
rendered script.

## Why

User data runs once, on the first boot. A container started there without a
restart policy does not come back when it crashes, when the Docker daemon is
restarted (package upgrades), or when the instance is rebooted or stopped and
started (maintenance events, resizing): the service stays down until someone
logs in and runs the command by hand — exactly the manual operation the
Terraform set-up was meant to remove. `--restart unless-stopped` (or
`always`) makes Docker start it again. (With podman, enable
`podman-restart.service` too, or run the container from a systemd unit.)

A container that is meant to run once (a migration, `aws s3 cp` in a
container) is a deliberate exception: suppress the finding on the resource,
with that reason.

## Compared with other tools

tfsec, Trivy and Checkov have no equivalent: they check user data for
secrets, not for what it runs.)md";
    meta_.bad_example = R"(resource "aws_instance" "server" {
  user_data = <<-EOT
    #!/bin/bash
    docker run -d --name app -p 8080:8080 ghcr.io/example/app:1.4
  EOT
})";
    meta_.good_example = R"(resource "aws_instance" "server" {
  user_data = <<-EOT
    #!/bin/bash
    docker run -d --restart unless-stopped --name app -p 8080:8080 ghcr.io/example/app:1.4
  EOT
})";
    meta_.resource_types = {"aws_instance", "aws_launch_template", "aws_launch_configuration"};
    meta_.tags = {"reliability"};
    meta_.why_cpp =
        "It reads the user data, after `templatefile` rendering and base64 decoding, as a shell script: "
        "continuations, command separators, `$( )`, heredocs, `sh -c` arguments and cloud-config `runcmd` "
        "items, then docker's own option syntax up to the image. A policy only has regular expressions over "
        "the text, which cannot tell a command from a comment or an `echo`, or docker's options from the "
        "container's.";
  }

  const RuleMeta& meta() const override { return meta_; }

  void checkInstance(const eval::ResourceInstance& instance, RuleContext& ctx) const override {
    for (const UserDataText& ud : userDataOf(instance)) checkUserData(instance, ud, ctx);
  }

 private:
  void checkUserData(const eval::ResourceInstance& instance, const UserDataText& ud, RuleContext& ctx) const {
    const eval::EvaluatedAttr& attr = *ud.attr;
    const Value& value = attr.value;
    if (ud.state == UserDataText::State::kUnknown) {
      std::vector<std::string> refs = allReferences(value);
      std::string why = refs.empty() ? std::string("it is unknown until apply")
                                     : "it depends on " + shorten(joinStrings(refs), 120) + ", known only at apply";
      undecided(instance, attr, fmt::format("cannot check the containers in {}: {}", attr.name, why), ctx);
      return;
    }
    if (ud.state == UserDataText::State::kNotText) {
      undecided(instance, attr, fmt::format("cannot check the containers in {}: it {}", attr.name, ud.not_text), ctx);
      return;
    }
    const std::string& script = ud.text;
    bool sensitive = ud.sensitive;
    for (const ContainerRun& run : containerRuns(script)) {
      if (run.restart && survivesReboot(*run.restart)) continue;
      std::string command = sensitive ? "(sensitive)" : "`" + shorten(run.command, 80) + "`";
      RuleFinding f;
      if (run.restart && run.restart->find('$') != std::string::npos) {
        f.message = fmt::format("cannot tell the restart policy of a container in {}: --restart {} is a shell "
                                "variable",
                                attr.name, sensitive ? "(sensitive)" : *run.restart);
        f.at = locationOf(attr);
        f.resource = instance.address;
        f.attribute_path = attr.name;
        ctx.undecided(std::move(f));
        continue;
      }
      std::string advice = run.rm ? "add --restart unless-stopped and drop --rm, or suppress this if it is a one-shot job"
                                  : "add --restart unless-stopped";
      if (!run.restart || run.restart->empty())
        f.message = fmt::format("container started without a restart policy: {} ({})", command, advice);
      else
        f.message = fmt::format("container started with --restart {}, which does not restart it after a reboot: {} "
                                "(use --restart unless-stopped)",
                                sensitive ? "(sensitive)" : *run.restart, command);
      f.detail = fmt::format(
          "{}The container does not come back when it exits, when the Docker daemon restarts or when the "
          "instance reboots; only --restart always or --restart unless-stopped do.",
          run.line > 0 ? fmt::format("Line {} of the rendered {}. ", run.line, attr.name) : "");
      f.at = locationOf(attr);
      f.resource = instance.address;
      f.attribute_path = attr.name;
      appendRelated(f.related, ctx.provenanceOf(value));
      ctx.report(std::move(f));
    }
  }

  void undecided(const eval::ResourceInstance& instance, const eval::EvaluatedAttr& attr, std::string message,
                 RuleContext& ctx) const {
    RuleFinding f;
    f.message = std::move(message);
    f.at = locationOf(attr);
    f.resource = instance.address;
    f.attribute_path = attr.name;
    ctx.undecided(std::move(f));
  }

  RuleMeta meta_;
};

}  // namespace

std::unique_ptr<Rule> makeUserDataRestartPolicyRule() { return std::make_unique<UserDataRestartPolicyRule>(); }

}  // namespace tfguard::rules
