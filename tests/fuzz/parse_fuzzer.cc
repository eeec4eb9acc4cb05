// libFuzzer target for the syntax stage (make fuzz, tests/fuzz/run_fuzzers.sh).
//
// Input: the first byte selects the entry point (byte % 3: 0 native config,
// 1 bare template, 2 HCL JSON; TFGUARD_FUZZ_MODE can pin it), the remaining
// bytes are the file. Each input
// is parsed, checked for cheap structural invariants and dumped with the AST
// JSON dumper, so that the dumper is fuzzed too.
//
// Invariants (abort() on violation, with the offending range on stderr):
//   * every node range, every auxiliary range stored in the AST (names,
//     labels, brackets, traversal steps, splat markers...), every comment
//     range and every diagnostic subject/context range lies within
//     [0, size] with begin <= end.
// The walk uses an explicit stack so that the harness itself never
// overflows on deep trees: if the parser builds a tree deeper than its
// nesting limit, the recursive dumper is what should report it.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/source_file.h"
#include "syntax/ast.h"
#include "syntax/ast_json.h"
#include "syntax/parser.h"

namespace {

using namespace tfguard;
using namespace tfguard::syntax;

// Inputs larger than this are ignored (libFuzzer's -max_len keeps generated
// inputs far below it; this only bounds oversized seeds).
constexpr size_t kMaxInput = 1 << 20;

enum class Mode : uint8_t { kConfig = 0, kTemplate = 1, kJson = 2 };

const char* modeName(Mode m) {
  switch (m) {
    case Mode::kConfig: return "config";
    case Mode::kTemplate: return "template";
    case Mode::kJson: return "json";
  }
  return "?";
}

// TFGUARD_FUZZ_MODE=config|template|json pins every input to one parser
// (the first byte is still skipped, so corpora stay interchangeable); this
// is how run_fuzzers.sh gives each mode its own share of the machine.
int forcedMode() {
  const char* env = std::getenv("TFGUARD_FUZZ_MODE");
  if (env == nullptr || *env == '\0' || std::string(env) == "all") return -1;
  for (int m = 0; m < 3; ++m)
    if (std::string(env) == modeName(static_cast<Mode>(m))) return m;
  std::fprintf(stderr, "tfguard_parse_fuzzer: TFGUARD_FUZZ_MODE must be config, template, json or all\n");
  std::exit(2);
}

class Checker {
 public:
  Checker(uint32_t size, Mode mode) : size_(size), mode_(mode) {}

  void check(ByteRange r, const char* what) const {
    if (r.begin > r.end || r.end > size_) {
      std::fprintf(stderr,
                   "tfguard_parse_fuzzer: invariant violated (%s mode): %s range %u-%u is not "
                   "within [0, %u] with begin <= end\n",
                   modeName(mode_), what, r.begin, r.end, size_);
      std::abort();
    }
  }

  void walkFile(const ParsedFile& file) {
    for (const Diagnostic& d : file.diagnostics) {
      if (d.subject) check(*d.subject, "diagnostic subject");
      if (d.context) check(*d.context, "diagnostic context");
    }
    for (const Comment& c : file.comments) check(c.range, "comment");
    if (file.body != nullptr) bodies_.push_back(file.body);
    if (file.template_ != nullptr) exprs_.push_back(file.template_);
    while (!bodies_.empty() || !exprs_.empty()) {
      if (!bodies_.empty()) {
        const Body* b = bodies_.back();
        bodies_.pop_back();
        walkBody(*b);
      } else {
        const Expr* e = exprs_.back();
        exprs_.pop_back();
        walkExpr(*e);
      }
    }
  }

 private:
  void push(const Expr* e) {
    if (e != nullptr) exprs_.push_back(e);
  }
  void pushParts(std::span<const TemplatePart> parts) {
    for (const TemplatePart& p : parts) push(p.expr);
  }
  void steps(std::span<const TraversalStep> steps) const {
    for (const TraversalStep& s : steps) check(s.range, "traversal step");
  }

  void walkBody(const Body& b) {
    check(b.range, "body");
    for (const BodyItem* item : b.items) {
      if (item == nullptr) continue;
      if (item->kind == BodyItemKind::kAttribute) {
        const auto& a = static_cast<const Attribute&>(*item);
        check(a.range, "attribute");
        check(a.name_range, "attribute name");
        check(a.equals_range, "attribute equals");
        push(a.expr);
      } else {
        const auto& bl = static_cast<const Block&>(*item);
        check(bl.range, "block");
        check(bl.type_range, "block type");
        for (const BlockLabel& l : bl.labels) check(l.range, "block label");
        check(bl.open_brace, "block open brace");
        check(bl.close_brace, "block close brace");
        if (bl.body != nullptr) bodies_.push_back(bl.body);
      }
    }
  }

  void walkExpr(const Expr& e) {
    check(e.range, "expression");
    switch (e.kind) {
      case ExprKind::kLiteral:
      case ExprKind::kSplatItem:
        break;
      case ExprKind::kTemplate:
        pushParts(as<TemplateExpr>(e).parts);
        break;
      case ExprKind::kTemplateWrap:
        push(as<TemplateWrapExpr>(e).wrapped);
        break;
      case ExprKind::kTemplateIf: {
        const auto& t = as<TemplateIfExpr>(e);
        push(t.cond);
        pushParts(t.then_parts);
        pushParts(t.else_parts);
        break;
      }
      case ExprKind::kTemplateFor: {
        const auto& t = as<TemplateForExpr>(e);
        push(t.coll);
        pushParts(t.body);
        break;
      }
      case ExprKind::kScopeTraversal: {
        const auto& t = as<ScopeTraversalExpr>(e);
        check(t.root_range, "traversal root");
        steps(t.steps);
        break;
      }
      case ExprKind::kRelativeTraversal: {
        const auto& t = as<RelativeTraversalExpr>(e);
        push(t.source);
        steps(t.steps);
        break;
      }
      case ExprKind::kIndex: {
        const auto& t = as<IndexExpr>(e);
        check(t.bracket_range, "index brackets");
        push(t.collection);
        push(t.key);
        break;
      }
      case ExprKind::kCall: {
        const auto& t = as<CallExpr>(e);
        check(t.name_range, "call name");
        check(t.open_paren, "call open paren");
        check(t.close_paren, "call close paren");
        for (const Expr* a : t.args) push(a);
        break;
      }
      case ExprKind::kBinary: {
        const auto& t = as<BinaryExpr>(e);
        push(t.lhs);
        push(t.rhs);
        break;
      }
      case ExprKind::kUnary: {
        const auto& t = as<UnaryExpr>(e);
        check(t.symbol_range, "unary operator");
        push(t.operand);
        break;
      }
      case ExprKind::kConditional: {
        const auto& t = as<ConditionalExpr>(e);
        push(t.cond);
        push(t.if_true);
        push(t.if_false);
        break;
      }
      case ExprKind::kParens:
        push(as<ParensExpr>(e).inner);
        break;
      case ExprKind::kTuple:
        for (const Expr* item : as<TupleExpr>(e).items) push(item);
        break;
      case ExprKind::kObject:
        for (const ObjectItem& item : as<ObjectExpr>(e).items) {
          push(item.key);
          push(item.value);
        }
        break;
      case ExprKind::kObjectKey:
        push(as<ObjectKeyExpr>(e).wrapped);
        break;
      case ExprKind::kFor: {
        const auto& t = as<ForExpr>(e);
        push(t.coll);
        push(t.key);
        push(t.value);
        push(t.cond);
        break;
      }
      case ExprKind::kSplat: {
        const auto& t = as<SplatExpr>(e);
        check(t.marker, "splat marker");
        push(t.source);
        push(t.each);
        break;
      }
      default:
        std::fprintf(stderr, "tfguard_parse_fuzzer: unknown expression kind %d\n",
                     static_cast<int>(e.kind));
        std::abort();
    }
  }

  uint32_t size_;
  Mode mode_;
  std::vector<const Body*> bodies_;
  std::vector<const Expr*> exprs_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > kMaxInput) return -1;  // -1: do not add to the corpus
  static const int forced = forcedMode();
  const Mode mode = static_cast<Mode>(forced >= 0 ? forced : data[0] % 3);
  std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const uint32_t text_size = static_cast<uint32_t>(text.size());

  static const char* const kNames[] = {"fuzz.tf", "fuzz.tftpl", "fuzz.tf.json"};
  auto source = std::make_shared<const SourceFile>(kNames[static_cast<int>(mode)], std::move(text));

  ParsedFile file;
  switch (mode) {
    case Mode::kConfig: file = parseConfig(source); break;
    case Mode::kTemplate: file = parseTemplateFile(source); break;
    case Mode::kJson: file = parseJson(source); break;
  }

  if (file.source.get() != source.get()) {
    std::fprintf(stderr, "tfguard_parse_fuzzer: ParsedFile.source is not the parsed source\n");
    std::abort();
  }
  static const FileSyntax kSyntax[] = {FileSyntax::kNative, FileSyntax::kTemplate, FileSyntax::kJson};
  if (file.syntax != kSyntax[static_cast<int>(mode)] ||
      (mode == Mode::kConfig && file.body == nullptr) ||
      (mode == Mode::kTemplate && file.template_ == nullptr)) {
    std::fprintf(stderr, "tfguard_parse_fuzzer: wrong syntax kind or missing root (%s mode)\n",
                 modeName(mode));
    std::abort();
  }
  Checker(text_size, mode).walkFile(file);

  // The dumper: resolves every range through the line index and serialises
  // every string (invalid UTF-8 replaced, as `tfguard parse` does).
  std::string dumped = fileToJson(file).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (dumped.empty()) std::abort();
  return 0;
}
