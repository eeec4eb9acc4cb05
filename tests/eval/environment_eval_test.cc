// Environment evaluation on small trees written to a temporary directory.
#include "eval/environment_eval.h"

#include <gtest/gtest.h>

#include <deque>
#include <map>
#include <fstream>

#include "base/task_pool.h"
#include "inspect/inspect.h"

namespace tfguard::eval {
namespace {

namespace fs = std::filesystem;

class EnvironmentEvalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("tfguard-env-eval-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void write(const std::string& rel, const std::string& text) {
    fs::create_directories((dir_ / rel).parent_path());
    std::ofstream(dir_ / rel, std::ios::binary) << text;
  }

  // Loads the tree and evaluates every environment (sharing `cache`).
  std::vector<EvaluatedEnvironment> evaluate(EvaluationCache* cache = nullptr, TaskPool* pool = nullptr) {
    settings_.dir = dir_;
    std::vector<fs::path> paths{dir_};
    // Earlier projects stay alive: their evaluations point into them.
    projects_.push_back(loader::Project::load(paths, settings_));
    project_ = projects_.back().get();
    Findings findings;
    specs_.push_back(loader::discoverEnvironments(project_->rootModules(), settings_, findings));
    EnvironmentOptions options;
    options.cache = cache;
    options.pool = pool;
    std::vector<EvaluatedEnvironment> out;
    if (pool == nullptr) {
      for (const auto& spec : specs_.back()) out.push_back(evaluateEnvironment(*project_, spec, options));
      return out;
    }
    out.resize(specs_.back().size());
    pool->run([&] {
      for (size_t i = 0; i < out.size(); ++i)
        pool->submit([&, i] { out[i] = evaluateEnvironment(*project_, specs_.back()[i], options); });
    });
    return out;
  }

  static const ResourceInstance* find(const ModuleInstance& m, const std::string& address) {
    for (const auto& r : m.resources)
      if (r.address == address) return &r;
    for (const auto& c : m.children)
      if (const ResourceInstance* r = find(*c, address)) return r;
    return nullptr;
  }
  static std::string attr(const ResourceInstance* r, const std::string& name) {
    if (r == nullptr) return "(no such resource)";
    const EvaluatedAttr* a = r->body.attr(name);
    return a ? a->value.debugString() : "(no such attribute)";
  }
  static std::vector<std::string> rules(const EvaluatedEnvironment& env) {
    std::vector<std::string> out;
    for (const auto& f : env.findings) out.push_back(f.rule + ": " + f.summary);
    return out;
  }

  fs::path dir_;
  settings::Settings settings_;
  std::vector<std::shared_ptr<loader::Project>> projects_;
  loader::Project* project_ = nullptr;
  std::deque<std::vector<loader::EnvironmentSpec>> specs_;
};

TEST_F(EnvironmentEvalTest, CountZeroMeansTheResourceDoesNotExist) {
  write("main.tf", R"(
variable "on" {
  type    = bool
  default = false
}
resource "aws_eip" "a" {
  count = var.on ? 1 : 0
}
resource "aws_eip" "b" {
  count = 2
  tags  = { i = count.index }
}
)");
  auto envs = evaluate();
  ASSERT_EQ(envs.size(), 1u);
  EXPECT_EQ(find(*envs[0].root, "aws_eip.a[0]"), nullptr);
  EXPECT_EQ(attr(find(*envs[0].root, "aws_eip.b[1]"), "tags"), "{i = 1}");
}

TEST_F(EnvironmentEvalTest, LocalsInAnyOrderAndCyclesBroken) {
  write("main.tf", R"(
locals {
  c = "${local.b}-c"
  b = "${local.a}-b"
  a = "a"
  x = local.y
  y = local.x
}
resource "null_resource" "r" {
  triggers = { c = local.c, x = local.x }
}
)");
  auto envs = evaluate();
  ASSERT_EQ(envs.size(), 1u);
  const ResourceInstance* r = find(*envs[0].root, "null_resource.r");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->body.attr("triggers")->value.get("c")->debugString(), "\"a-b-c\"");
  EXPECT_FALSE(r->body.attr("triggers")->value.get("x")->isKnown());
  EXPECT_EQ(rules(envs[0]), std::vector<std::string>{"eval-error: Cycle in local values"});
}

TEST_F(EnvironmentEvalTest, PathAndWorkspaceAndModuleRecursion) {
  write("root/main.tf", R"(
module "m" {
  source = "../modules/m"
}
output "where" {
  value = module.m.where
}
)");
  write("modules/m/main.tf", R"(
output "where" {
  value = "${path.module} ${path.root} ${terraform.workspace}"
}
module "again" {
  source = "./"
}
)");
  auto envs = evaluate();
  ASSERT_EQ(envs.size(), 1u);
  EXPECT_EQ(envs[0].root->outputs[0].second.debugString(), "\"../modules/m . default\"");
  ASSERT_EQ(envs[0].findings.size(), 1u);
  EXPECT_EQ(envs[0].findings[0].summary, "Module not loaded");
  EXPECT_NE(envs[0].findings[0].detail.find("calls itself"), std::string::npos);
}

TEST_F(EnvironmentEvalTest, ModuleInputsCarryProvenance) {
  write("main.tf", R"(
variable "cidr" {
  type = string
}
module "net" {
  source = "./net"
  cidr   = var.cidr
}
)");
  write("net/main.tf", R"(
variable "cidr" {
  type = string
}
resource "aws_vpc" "v" {
  cidr_block = var.cidr
}
)");
  write("vars/prod.tfvars", "cidr = \"10.0.0.0/16\"\n");
  write("vars/dev.tfvars", "cidr = \"10.1.0.0/16\"\n");
  auto envs = evaluate();
  ASSERT_EQ(envs.size(), 2u);
  const ResourceInstance* v = find(*envs[1].root, "module.net.aws_vpc.v");
  ASSERT_NE(v, nullptr);
  const Value& cidr = v->body.attr("cidr_block")->value;
  EXPECT_EQ(cidr.debugString(), "\"10.0.0.0/16\"");
  ASSERT_EQ(cidr.provenance().size(), 2u);
  EXPECT_TRUE(cidr.provenance()[0].file.ends_with("vars/prod.tfvars")) << cidr.provenance()[0].file;
  EXPECT_EQ(cidr.provenance()[1].note, "module argument cidr of module.net");
}

TEST_F(EnvironmentEvalTest, ModuleInstancesAreEvaluatedOncePerDistinctInputs) {
  write("main.tf", R"(
variable "size" {
  type = number
}
module "fixed" {
  source = "./m"
  name   = "same-everywhere"
}
module "sized" {
  source = "./m"
  name   = "size-${var.size}"
}
)");
  write("m/main.tf", R"(
variable "name" {
  type = string
}
resource "aws_sqs_queue" "q" {
  name = var.name
  delay_seconds = substr(var.name, 0, "x")
}
output "name" {
  value = aws_sqs_queue.q.name
}
)");
  write("vars/a.tfvars", "size = 1\n");
  write("vars/b.tfvars", "size = 2\n");
  EvaluationCache cache;
  auto cached = evaluate(&cache);
  EXPECT_EQ(cache.hits, 1u);    // module.fixed in the second environment
  EXPECT_EQ(cache.misses, 3u);  // module.fixed once, module.sized twice
  auto plain = evaluate();
  ASSERT_EQ(cached.size(), 2u);
  for (size_t i = 0; i < cached.size(); ++i) {
    EXPECT_EQ(inspect::environmentToJson(cached[i], *project_).dump(), inspect::environmentToJson(plain[i], *project_).dump());
    // The module's eval error is reported in each environment.
    EXPECT_EQ(cached[i].findings.size(), 2u);
    for (const auto& f : cached[i].findings) EXPECT_EQ(f.environment, cached[i].spec->name);
  }
}

TEST_F(EnvironmentEvalTest, ModuleInstancesEvaluatedAsPoolTasksGiveTheSameEnvironments) {
  // Calls with count and for_each, an input from another call's output (a
  // call declared earlier and one declared later), one through a local,
  // nesting, and findings in the modules.
  write("main.tf", R"(
variable "size" {
  type = number
}
locals {
  vpc = module.net.id
}
module "apps" {
  source   = "./app"
  for_each = toset(["a", "b", "c"])
  name     = each.key
  vpc_id   = local.vpc
  subnet   = module.late.subnet
}
module "workers" {
  source = "./app"
  count  = var.size
  name   = "worker-${count.index}"
  vpc_id = module.net.id
  subnet = module.late.subnet
}
module "net" {
  source = "./net"
}
module "late" {
  source = "./net"
}
output "names" {
  value = [for a in module.apps : a.name]
}
)");
  write("net/main.tf", R"(
resource "aws_vpc" "v" {
  cidr_block = "10.0.0.0/16"
}
output "id" {
  value = aws_vpc.v.id
}
output "subnet" {
  value = "subnet-${substr("abc", 0, "x")}"
}
)");
  write("app/main.tf", R"(
variable "name" {
  type = string
}
variable "vpc_id" {
  type = string
}
variable "subnet" {
  type = string
}
module "inner" {
  source = "../inner"
  name   = var.name
}
resource "aws_instance" "i" {
  subnet_id = var.subnet
  tags      = { Name = module.inner.label, Vpc = var.vpc_id }
}
output "name" {
  value = module.inner.label
}
)");
  write("inner/main.tf", R"(
variable "name" {
  type = string
}
variable "required" {
  type = string
}
output "label" {
  value = upper(var.name)
}
)");
  write("vars/one.tfvars", "size = 1\n");
  write("vars/three.tfvars", "size = 3\n");
  auto json = [&](const std::vector<EvaluatedEnvironment>& envs) {
    std::vector<std::string> out;
    for (const EvaluatedEnvironment& env : envs) {
      nlohmann::ordered_json j = inspect::environmentToJson(env, *project_);
      // Instances report their findings when joined: the same ones, in another order.
      std::vector<std::string> findings;
      for (const auto& f : j["findings"]) findings.push_back(f.dump());
      std::sort(findings.begin(), findings.end());
      j.erase("findings");
      out.push_back(j.dump());
      for (const std::string& f : findings) out.push_back(f);
    }
    return out;
  };
  std::vector<std::string> plain = json(evaluate());
  ASSERT_GT(plain.size(), 6u);  // two environments and their findings
  for (unsigned jobs : {1u, 2u, 4u}) {
    TaskPool pool(jobs);
    std::vector<std::string> pooled = json(evaluate(nullptr, &pool));
    ASSERT_EQ(pooled.size(), plain.size()) << jobs;
    for (size_t i = 0; i < plain.size(); ++i) EXPECT_EQ(pooled[i], plain[i]) << jobs;
  }
}

TEST_F(EnvironmentEvalTest, ComputedAttributesAnywhereAreUnknownWithReferences) {
  write("main.tf", R"(
variable "region" {
  type    = string
  default = null
}
resource "aws_eks_cluster" "this" {
  name   = "c"
  region = var.region
  vpc_config {
    subnet_ids = ["s-1"]
  }
}
locals {
  name   = resource.aws_eks_cluster.this.name
  sg     = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id
  subnet = aws_eks_cluster.this.vpc_config[0].subnet_ids[0]
  region = aws_eks_cluster.this.region
}
)");
  auto envs = evaluate();
  ASSERT_EQ(envs.size(), 1u);
  EXPECT_TRUE(envs[0].findings.empty()) << envs[0].findings[0].summary << ": " << envs[0].findings[0].detail;
  std::map<std::string, std::string> locals;
  for (const auto& [k, v] : envs[0].root->locals) locals[k] = v.debugString();
  EXPECT_EQ(locals["name"], "\"c\"");
  EXPECT_EQ(locals["sg"], "(unknown aws_eks_cluster.this.vpc_config[0].cluster_security_group_id)");
  EXPECT_EQ(locals["subnet"], "\"s-1\"");
  EXPECT_EQ(locals["region"], "(unknown aws_eks_cluster.this.region)");  // null in config: the provider decides
}

TEST_F(EnvironmentEvalTest, OutputsThatDoNotDependOnInputsAreNoCycle) {
  write("main.tf", R"(
module "m" {
  source = "./m"
  in     = "${module.m.static}-y"
}
resource "aws_security_group" "a" {
  name = module.n.static
}
module "n" {
  source = "./m"
  in     = aws_security_group.a.id
}
)");
  write("m/main.tf", R"(
variable "in" {
  type = string
}
output "static" {
  value = "x"
}
output "echo" {
  value = var.in
}
)");
  auto envs = evaluate();
  ASSERT_EQ(envs.size(), 1u);
  EXPECT_TRUE(envs[0].findings.empty()) << envs[0].findings[0].summary;
  const ModuleInstance* m = nullptr;
  for (const auto& c : envs[0].root->children)
    if (c->path == "module.m") m = c.get();
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->outputs[1].second.debugString(), "\"x-y\"");
  EXPECT_EQ(attr(find(*envs[0].root, "aws_security_group.a"), "name"), "\"x\"");
}

TEST_F(EnvironmentEvalTest, FileReadsStayInsideTheScannedTree) {
  write("main.tf", R"(
resource "aws_instance" "a" {
  user_data = file("${path.module}/boot.sh")
}
resource "aws_instance" "b" {
  user_data = file("/etc/passwd")
}
resource "aws_instance" "c" {
  user_data = file("missing.sh")
}
)");
  write("boot.sh", "#!/bin/sh\necho hi\n");
  write(".git/HEAD", "ref: refs/heads/main\n");  // the tree is its own repository
  auto envs = evaluate();
  ASSERT_EQ(envs.size(), 1u);
  EXPECT_EQ(attr(find(*envs[0].root, "aws_instance.a"), "user_data"), "\"#!/bin/sh\\necho hi\\n\"");
  EXPECT_FALSE(find(*envs[0].root, "aws_instance.b")->body.attr("user_data")->value.isKnown());
  ASSERT_EQ(envs[0].findings.size(), 2u);
  EXPECT_NE(envs[0].findings[0].detail.find("outside the scanned tree"), std::string::npos) << envs[0].findings[0].detail;
  EXPECT_NE(envs[0].findings[1].detail.find("no file exists"), std::string::npos) << envs[0].findings[1].detail;
}

TEST_F(EnvironmentEvalTest, SensitiveVariablesAreNeverPrinted) {
  write("main.tf", R"(
variable "db_password" {
  type      = string
  sensitive = true
}
resource "aws_db_instance" "db" {
  password = var.db_password
  username = "admin-${var.db_password}"
}
)");
  write("terraform.tfvars", "db_password = \"hunter2-secret\"\n");
  auto envs = evaluate();
  ASSERT_EQ(envs.size(), 1u);
  std::string json = inspect::environmentToJson(envs[0], *project_).dump();
  EXPECT_EQ(json.find("hunter2"), std::string::npos);
  EXPECT_NE(json.find("\"password\":{\"sensitive\":true}"), std::string::npos);
  EXPECT_NE(json.find("\"username\":{\"sensitive\":true}"), std::string::npos);
}

}  // namespace
}  // namespace tfguard::eval
