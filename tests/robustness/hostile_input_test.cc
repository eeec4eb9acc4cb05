// Hostile inputs through the whole pipeline (SPEC §9 robustness): each test
// writes a tree with one hostile file or environment next to an ordinary
// one, runs the check and asserts (1) a finding or a clear error located in
// the hostile file, (2) a bounded run (HostileTree::check measures it), and
// (3) the ordinary environment still reports its finding. Big inputs are
// generated at test time, in the temporary tree.
#include <sys/stat.h>

#include <random>

#include "robustness_fixture.h"

namespace tfguard::robustness {
namespace {

std::string repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

constexpr size_t kDeep = 100'000;

// ---- deep nesting: the parser's nesting limit reports, at the file

TEST_F(HostileTree, DeepBrackets) {
  write("hostile/main.tf", "locals {\n  a = " + repeat("[", kDeep) + repeat("]", kDeep) + "\n}\n");
  auto r = check();
  expectLocatedFinding(r, "hostile/main.tf", "200");
  EXPECT_TRUE(hasFinding(r, "syntax", "hostile/main.tf")) << describe(r);
  expectSentinel(r);
}

TEST_F(HostileTree, DeepParens) {
  write("hostile/main.tf", "locals {\n  a = " + repeat("(", kDeep) + "1" + repeat(")", kDeep) + "\n}\n");
  auto r = check();
  EXPECT_TRUE(hasFinding(r, "syntax", "hostile/main.tf", "200")) << describe(r);
  expectSentinel(r);
}

TEST_F(HostileTree, DeepObjects) {
  write("hostile/main.tf", "locals {\n  a = " + repeat("{a=", kDeep) + "1" + repeat("}", kDeep) + "\n}\n");
  auto r = check();
  EXPECT_TRUE(hasFinding(r, "syntax", "hostile/main.tf", "200")) << describe(r);
  expectSentinel(r);
}

TEST_F(HostileTree, DeepBlocks) {
  write("hostile/main.tf", "resource \"null_resource\" \"x\" {\n" + repeat("b {\n", kDeep) + repeat("}\n", kDeep) + "}\n");
  auto r = check();
  EXPECT_TRUE(hasFinding(r, "syntax", "hostile/main.tf", "200")) << describe(r);
  expectSentinel(r);
}

TEST_F(HostileTree, DeepTemplateInterpolations) {
  write("hostile/main.tf", "locals {\n  a = " + repeat("\"${", kDeep) + "1" + repeat("}\"", kDeep) + "\n}\n");
  auto r = check();
  EXPECT_TRUE(hasFinding(r, "syntax", "hostile/main.tf", "200")) << describe(r);
  expectSentinel(r);
}

TEST_F(HostileTree, DeepJson) {
  write("hostile/main.tf.json", "{\"locals\": {\"a\": " + repeat("[", kDeep) + repeat("]", kDeep) + "}}\n");
  auto r = check();
  EXPECT_TRUE(hasFinding(r, "syntax", "hostile/main.tf.json", "200")) << describe(r);
  expectSentinel(r);
}

// ---- size

// A file of 200 MB (20 MB under sanitizers, which run 5-20 times slower):
// one huge string attribute. Read, parsed and evaluated; the check stays
// bounded.
TEST_F(HostileTree, HugeFile) {
  const size_t size = kSanitized ? (20u << 20) : (200u << 20);
  fs::create_directories(dir_ / "hostile");
  {
    std::ofstream out(dir_ / "hostile/main.tf", std::ios::binary);
    out << "locals {\n  big = \"";
    std::string chunk(1 << 20, 'x');
    for (size_t written = 0; written < size; written += chunk.size()) out << chunk;
    out << "\"\n  broken = tonumber(\"no\")\n}\n";
  }
  auto r = check();
  // The file was read and evaluated: the second local's error is there.
  EXPECT_TRUE(hasFinding(r, "eval-error", "hostile/main.tf")) << describe(r);
  expectSentinel(r);
}

// Files over the reader's limit (512 MiB) are reported, not read. A sparse
// file: no disk space is used.
TEST_F(HostileTree, FileOverTheSizeLimit) {
  write("hostile/main.tf", "");
  fs::resize_file(dir_ / "hostile/main.tf", (512u << 20) + 1);
  auto r = check();
  expectLocatedFinding(r, "hostile/main.tf", "tfguard reads files up to");
  expectSentinel(r);
}

TEST_F(HostileTree, MillionAttributesInOneBody) {
  const size_t n = kSanitized ? 100'000 : 1'000'000;
  std::string text = "resource \"null_resource\" \"x\" {\n";
  text.reserve(n * 16);
  for (size_t i = 0; i < n; ++i) text += "  a" + std::to_string(i) + " = " + std::to_string(i) + "\n";
  text += "  a0 = 1\n}\n";  // one duplicate: a finding at its place
  write("hostile/main.tf", text);
  auto r = check();
  EXPECT_FALSE(findingsIn(r, "hostile/main.tf").empty()) << describe(r);
  expectSentinel(r);
}

// ---- bytes that are not text

TEST_F(HostileTree, InvalidUtf8) {
  write("hostile/main.tf", "locals {\n  a = \"caf\xC3\x28 \xFF\xFE\"\n  \xC0\xAF = 1\n}\n");
  auto r = check();
  bool located = false;
  for (const Finding* f : findingsIn(r, "hostile/main.tf"))
    if (f->rule == "syntax" && f->location.range.end > 0) located = true;
  EXPECT_TRUE(located) << "no syntax finding at the invalid bytes:\n" << describe(r);
  expectSentinel(r);
}

TEST_F(HostileTree, RandomBytes) {
  std::mt19937 rng(7);
  std::string bytes(1 << 20, '\0');
  for (char& c : bytes) c = static_cast<char>(rng());
  write("hostile/random.tf", bytes);
  auto r = check();
  EXPECT_TRUE(hasFinding(r, "syntax", "hostile/random.tf")) << describe(r);
  expectSentinel(r);
}

TEST_F(HostileTree, ElfBinaryNamedTf) {
  std::string elf("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0\x01\0\0\0", 24);
  std::mt19937 rng(11);
  for (int i = 0; i < 100'000; ++i) elf += static_cast<char>(rng() % 4 == 0 ? rng() : 0);
  write("hostile/tool.tf", elf);
  auto r = check();
  EXPECT_TRUE(hasFinding(r, "syntax", "hostile/tool.tf")) << describe(r);
  // One binary file must not flood the report: 100 errors, then one
  // "Too many syntax errors".
  size_t syntax_findings = 0;
  for (const Finding* f : findingsIn(r, "hostile/tool.tf")) syntax_findings += f->rule == "syntax";
  EXPECT_EQ(syntax_findings, 101u);
  EXPECT_TRUE(hasFinding(r, "syntax", "hostile/tool.tf", "Is it a text file?")) << describe(r);
  expectSentinel(r);
}

TEST_F(HostileTree, NulBytes) {
  write("hostile/main.tf", std::string("locals {\n  a = \"x\0y\"\n  b\0 = 2\n}\n", 32));
  auto r = check();
  EXPECT_TRUE(hasFinding(r, "syntax", "hostile/main.tf")) << describe(r);
  expectSentinel(r);
}

// ---- the filesystem

TEST_F(HostileTree, UnreadableFile) {
  write("hostile/main.tf", "locals {\n  a = 1\n}\n");
  write("hostile/secret.tf", "locals {\n  b = 1\n}\n");
  fs::permissions(dir_ / "hostile/secret.tf", fs::perms::none);
  auto r = check();
  // root reads files whatever their mode (CI runs as root): the file is then
  // simply read, and only the "cannot read" assertion is skipped.
  if (::geteuid() != 0) expectLocatedFinding(r, "hostile/secret.tf", "cannot read");
  expectSentinel(r);
}

TEST_F(HostileTree, FifoNamedLikeConfiguration) {
  // Opening a FIFO for reading blocks until a writer comes: it must not be
  // opened as a file, neither found by the scan nor named by file().
  write("hostile/main.tf", "locals {\n  a = file(\"${path.module}/pipe.txt\")\n}\n");
  ASSERT_EQ(::mkfifo((dir_ / "hostile/pipe.tf").c_str(), 0600), 0);
  ASSERT_EQ(::mkfifo((dir_ / "hostile/pipe.txt").c_str(), 0600), 0);
  auto r = check();
  EXPECT_TRUE(hasFinding(r, "eval-error", "hostile/main.tf")) << describe(r);
  expectSentinel(r);
}

TEST_F(HostileTree, UnreadableDirectory) {
  write("hostile/sub/main.tf", "locals {\n  a = 1\n}\n");
  fs::permissions(dir_ / "hostile/sub", fs::perms::none);
  auto r = check();
  expectSentinel(r);
}

TEST_F(HostileTree, DirectorySymlinkToParent) {
  write("hostile/main.tf", "locals {\n  a = 1\n}\n");
  fs::create_directory_symlink("..", dir_ / "hostile/loop");
  fs::create_directory_symlink(dir_, dir_ / "hostile/root-loop");
  auto r = check();
  expectSentinel(r);
}

TEST_F(HostileTree, FileSymlinkLoop) {
  write("hostile/main.tf", "locals {\n  a = 1\n}\n");
  fs::create_symlink("b.tf", dir_ / "hostile/a.tf");
  fs::create_symlink("a.tf", dir_ / "hostile/b.tf");
  auto r = check();
  expectLocatedFinding(r, "hostile/a.tf", "cannot read");
  expectSentinel(r);
}

// ---- modules

TEST_F(HostileTree, ModuleCallsItself) {
  write("hostile/main.tf", "module \"me\" {\n  source = \"./mod\"\n}\n");
  write("hostile/mod/main.tf", "module \"again\" {\n  source = \"./\"\n}\n");
  auto r = check();
  EXPECT_FALSE(findingsIn(r, "hostile/").empty()) << describe(r);
  expectSentinel(r);
}

TEST_F(HostileTree, ModuleCycle) {
  write("hostile/main.tf", "module \"a\" {\n  source = \"../mods/a\"\n}\n");
  write("mods/a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\n");
  write("mods/b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\n");
  auto r = check();
  EXPECT_FALSE(findingsIn(r, "mods/").empty()) << describe(r);
  expectSentinel(r);
}

// ---- expansion

TEST_F(HostileTree, HugeCount) {
  write("hostile/main.tf", "resource \"null_resource\" \"x\" {\n  count = 100000000\n}\n");
  auto r = check();
  expectLocatedFinding(r, "hostile/main.tf", "10000");
  expectSentinel(r);
}

TEST_F(HostileTree, ForEachOverHugeRange) {
  write("hostile/main.tf",
        "resource \"null_resource\" \"x\" {\n  for_each = toset([for i in range(100000000) : tostring(i)])\n}\n"
        "resource \"null_resource\" \"y\" {\n  for_each = { for i in range(1000) : i => i }\n}\n");
  auto r = check();
  expectLocatedFinding(r, "hostile/main.tf", "1024");
  expectSentinel(r);
}

// Each level doubles the previous one: 2^40 elements if nothing stopped it.
TEST_F(HostileTree, ExponentialForExpressions) {
  std::string text = "locals {\n  l0 = [1, 2]\n";
  for (int i = 1; i <= 40; ++i)
    text += "  l" + std::to_string(i) + " = flatten([for x in local.l" + std::to_string(i - 1) + " : [x, x]])\n";
  text += "}\noutput \"o\" {\n  value = length(local.l40)\n}\n";
  write("hostile/main.tf", text);
  auto r = check();
  expectLocatedFinding(r, "hostile/main.tf", "1000000");
  expectSentinel(r);
}

TEST_F(HostileTree, ExponentialConcat) {
  std::string text = "locals {\n  l0 = [1, 2]\n";
  for (int i = 1; i <= 40; ++i)
    text += "  l" + std::to_string(i) + " = concat(local.l" + std::to_string(i - 1) + ", local.l" +
            std::to_string(i - 1) + ")\n";
  text += "}\noutput \"o\" {\n  value = length(local.l40)\n}\n";
  write("hostile/main.tf", text);
  auto r = check();
  expectLocatedFinding(r, "hostile/main.tf", "1000000");
  expectSentinel(r);
}

// A for expression building an object from a large collection: each key is
// checked against the keys before it (duplicates are an error), which must
// not be quadratic.
// 300,000 elements (100,000 under sanitizers): a scan per key would take
// many minutes; the index takes about a second, well inside the budget
// even on a loaded CI machine.
TEST_F(HostileTree, ObjectForOverLargeCollection) {
  const std::string outer = kSanitized ? "100" : "300";
  write("hostile/main.tf",
        "locals {\n  big = flatten([for a in range(" + outer + ") : [for b in range(1000) : a * 1000 + b]])\n"
        "  obj = { for i, x in local.big : tostring(x) => i }\n"
        "  grouped = { for x in local.big : tostring(x % 1000) => x... }\n"
        "  broken = tonumber(\"no\")\n}\n"
        "output \"o\" {\n  value = [length(local.obj), length(local.grouped), local.broken]\n}\n");
  auto r = check();
  EXPECT_TRUE(hasFinding(r, "eval-error", "hostile/main.tf")) << describe(r);
  expectSentinel(r);
}

// Three nested for expressions of 1,000 each: 10^9 elements in all, though
// no single collection is over the per-collection limit.
TEST_F(HostileTree, NestedForProduct) {
  write("hostile/main.tf",
        "locals {\n  r = [for i in range(1000) : i]\n"
        "  cube = [for a in local.r : [for b in local.r : [for c in local.r : c]]]\n}\n"
        "output \"o\" {\n  value = length(local.cube)\n}\n");
  auto r = check();
  expectLocatedFinding(r, "hostile/main.tf", "1000000");
  expectSentinel(r);
}

TEST_F(HostileTree, ExponentialStrings) {
  std::string text = "locals {\n  s0 = \"xy\"\n";
  for (int i = 1; i <= 40; ++i)
    text += "  s" + std::to_string(i) + " = \"${local.s" + std::to_string(i - 1) + "}${local.s" +
            std::to_string(i - 1) + "}\"\n";
  text += "  j = join(\"\", [local.s30, local.s30, local.s30])\n}\noutput \"o\" {\n  value = length(local.s40)\n}\n";
  write("hostile/main.tf", text);
  auto r = check();
  expectLocatedFinding(r, "hostile/main.tf", "bytes");
  expectSentinel(r);
}

TEST_F(HostileTree, HugeRangeAndCidrsubnets) {
  write("hostile/main.tf",
        "locals {\n  r = range(1000000000)\n"
        "  c = cidrsubnets(\"10.0.0.0/8\", [for i in range(1000) : 24]...)\n"
        "  h = [for i in range(100000) : cidrhost(\"10.0.0.0/8\", i)]\n}\n"
        "output \"o\" {\n  value = [local.r, local.c, length(local.h)]\n}\n");
  auto r = check();
  expectLocatedFinding(r, "hostile/main.tf", "1024");
  expectSentinel(r);
}

TEST_F(HostileTree, TemplatefileRecursion) {
  write("hostile/main.tf", "output \"o\" {\n  value = templatefile(\"${path.module}/t.tftpl\", { dir = path.module })\n}\n");
  write("hostile/t.tftpl", "x${templatefile(\"${dir}/t.tftpl\", { dir = dir })}\n");
  auto r = check();
  expectLocatedFinding(r, "hostile/t.tftpl", "tfguard follows 8 nested calls");
  expectSentinel(r);
}

// Each level calls the template six times: 6^8 evaluations within the
// depth limit, unless the calls from inside templates are bounded.
TEST_F(HostileTree, TemplatefileRecursionThatBranches) {
  write("hostile/main.tf", "output \"o\" {\n  value = templatefile(\"${path.module}/t.tftpl\", { dir = path.module })\n}\n");
  std::string call = "${templatefile(\"${dir}/t.tftpl\", { dir = dir })}";
  std::string tftpl;
  for (int i = 0; i < 6; ++i) tftpl += "x" + call;
  write("hostile/t.tftpl", tftpl + "\n");
  auto r = check();
  expectLocatedFinding(r, "hostile/t.tftpl", "more than 1000 templatefile calls");
  expectSentinel(r);
}

// An object 'for' without "key =>" is a syntax error; the rest of the
// file is still evaluated, the broken expression as an unknown.
TEST_F(HostileTree, ObjectForWithoutKey) {
  write("hostile/main.tf", "variable \"m\" {\n  default = { a = 1 }\n}\n"
                           "output \"o\" {\n  value = { for k, v in var.m : v }\n}\n");
  auto r = check();
  expectLocatedFinding(r, "hostile/main.tf", "Key expression is required");
  expectSentinel(r);
}

TEST_F(HostileTree, TfvarsWithTenMegabyteValue) {
  write("hostile/main.tf", "variable \"blob\" {\n  type = string\n}\nvariable \"n\" {\n  type = number\n}\n"
                           "output \"o\" {\n  value = length(var.blob)\n}\n");
  std::string tfvars = "blob = \"" + std::string(10u << 20, 'a') + "\"\nn = \"not a number\"\n";
  write("hostile/terraform.tfvars", tfvars);
  auto r = check();
  EXPECT_FALSE(findingsIn(r, "hostile/").empty()) << describe(r);
  expectSentinel(r);
}

}  // namespace
}  // namespace tfguard::robustness
