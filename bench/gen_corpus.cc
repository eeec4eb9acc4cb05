// tfguard_gen_corpus OUT_DIR N [SEED]
//
// Writes N files of varied, realistic Terraform into OUT_DIR for the parse
// benchmark: resources of many AWS types with nested and dynamic blocks,
// variables with types, validation and defaults, locals with for expressions
// and conditionals, module calls, outputs, heredoc user data with `docker run`
// and interpolations, jsonencode policies, templatefile calls, comments and
// tfvars files. Sizes vary like real files (median about 2 KB, a few files of
// 20-50 KB). Output depends only on SEED and the file index, so the same
// command always writes the same corpus, and file i does not depend on N.
//
// Every file is parsed with tfguard's parser before it is written; a file
// with a diagnostic is a bug of this generator (or of the parser) and fails
// the run. OUT_DIR/files.txt lists the written files, one absolute path a line.
// run_benchmarks.sh checks the same files with HashiCorp's parser (hcldump).
#include <fmt/format.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/source_file.h"
#include "syntax/parser.h"

namespace {

using std::string;
using std::string_view;

// ------------------------------------------------------------------ random

// splitmix64: tiny, and unlike <random>'s distributions its output is the
// same with every standard library.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  int below(size_t n) { return static_cast<int>(next() % n); }
  int range(int lo, int hi) { return lo + below(static_cast<size_t>(hi - lo + 1)); }
  bool chance(int percent) { return below(100) < percent; }
  template <typename T, size_t N>
  const T& pick(const T (&items)[N]) {
    return items[below(N)];
  }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[below(items.size())];
  }

 private:
  uint64_t state_;
};

// ------------------------------------------------------------------- words

constexpr string_view kNames[] = {
    "this", "main", "web", "api", "app", "worker", "frontend", "backend", "db", "cache",
    "logs", "artifacts", "assets", "metrics", "signaling", "gateway", "ingest", "batch",
    "reports", "auth", "admin", "public", "private", "internal", "primary", "replica",
    "default", "shared", "edge", "queue", "events", "audit", "build", "deploy", "media"};
constexpr string_view kEnvs[] = {"dev", "staging", "prod", "qa", "sandbox"};
constexpr string_view kRegions[] = {"us-east-1", "us-west-2", "eu-west-1", "eu-central-1",
                                    "ap-southeast-2", "ap-northeast-1"};
constexpr string_view kInstanceTypes[] = {"t3.micro", "t3.small",  "t3.medium", "m5.large",
                                          "m6i.xlarge", "c6g.large", "r5.2xlarge"};
constexpr string_view kImages[] = {"nginx", "redis", "postgres", "grafana/grafana",
                                   "prom/prometheus", "ghcr.io/acme/signaling-server",
                                   "public.ecr.aws/acme/api", "traefik"};
constexpr string_view kVarNames[] = {
    "name", "environment", "region", "project", "vpc_id", "subnet_ids", "instance_type",
    "instance_count", "tags", "enable_monitoring", "cidr_block", "azs", "image", "image_tag",
    "port", "domain_name", "zone_id", "kms_key_arn", "retention_in_days", "min_size",
    "max_size", "desired_capacity", "create", "allowed_cidrs", "ingress_rules",
    "container_env", "log_level", "bucket_name", "enable_versioning", "node_groups",
    "cluster_name", "cluster_version", "db_engine_version", "allocated_storage",
    "backup_retention_period", "deletion_protection", "ssh_key_name", "users", "services",
    "lambda_runtime", "memory_size", "timeout", "alarm_actions", "health_check_path"};
constexpr string_view kDescriptions[] = {
    "Name prefix used for every resource created by this module.",
    "Deployment environment (dev, staging or prod).",
    "AWS region to deploy into.",
    "Map of tags applied to all resources.",
    "ID of the VPC in which the resources are created.",
    "List of subnet IDs for the instances.",
    "Whether to create the resources of this module.",
    "Number of days to keep log events.",
    "CIDR blocks allowed to reach the service — keep this list short.",
    "Container image to run, without the tag.",
    "Port the application listens on.",
    "Extra environment variables passed to the container.",
    "ARN of the KMS key used for encryption at rest.",
    "Set to \\\"true\\\" to enable detailed monitoring.",
    "Per-AZ settings; see the README for the \\\"object\\\" shape.",
    "Région de déploiement (kept in French for the Lyon team)."};
constexpr string_view kComments[] = {
    "TODO: move this into the shared networking module",
    "Keep in sync with the values in ../prod/terraform.tfvars",
    "See https://docs.aws.amazon.com/ for the allowed values",
    "NOTE: changing this forces a replacement of the instance",
    "Managed by the platform team, do not edit by hand",
    "The provider ignores this attribute on first apply",
    "tfsec:ignore:aws-s3-enable-bucket-logging",
    "checkov:skip=CKV_AWS_144: cross-region replication not needed",
    "Required for the load balancer health checks",
    "FIXME: remove once the migration is done (ticket OPS-1234)"};
constexpr string_view kActions[] = {
    "s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:DeleteObject", "kms:Decrypt",
    "kms:GenerateDataKey", "logs:CreateLogStream", "logs:PutLogEvents", "sqs:SendMessage",
    "sqs:ReceiveMessage", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query",
    "ecr:GetAuthorizationToken", "ecr:BatchGetImage", "ssm:GetParameter",
    "secretsmanager:GetSecretValue", "sts:AssumeRole", "ec2:DescribeInstances",
    "cloudwatch:PutMetricData"};
constexpr string_view kFunctions1[] = {"lower", "upper", "trimspace", "tostring", "length",
                                       "tolist", "toset", "compact", "distinct", "sort",
                                       "keys", "values", "flatten", "jsonencode", "base64encode"};

string quote(string_view s) { return fmt::format("\"{}\"", s); }

// Indents every line but the first by n spaces: values are built with
// indentation relative to the line of the attribute that holds them.
string indentRest(string_view text, int n) {
  string out;
  string pad(static_cast<size_t>(n), ' ');
  for (size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] != '\n') out += pad;
  }
  return out;
}

using KV = std::pair<string, string>;

// `{ k = v ... }` over several lines with the keys aligned like terraform fmt.
string objectLit(const std::vector<KV>& items) {
  if (items.empty()) return "{}";
  size_t width = 0;
  for (const auto& [k, v] : items) width = std::max(width, k.size());
  string out = "{\n";
  for (const auto& [k, v] : items) {
    out += fmt::format("  {:<{}} = {}\n", k, width, indentRest(v, 2));
  }
  return out + "}";
}

string inlineObject(const std::vector<KV>& items) {
  string out = "{ ";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += items[i].first + " = " + items[i].second;
  }
  return out + " }";
}

string tupleLit(const std::vector<string>& items, bool multiline, bool trailing_comma = true) {
  if (items.empty()) return "[]";
  if (!multiline) {
    string out = "[";
    for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
    return out + "]";
  }
  string out = "[\n";
  for (size_t i = 0; i < items.size(); ++i) {
    out += "  " + indentRest(items[i], 2);
    if (i + 1 < items.size() || trailing_comma) out += ",";
    out += "\n";
  }
  return out + "]";
}

// ------------------------------------------------------------------ output

// A file being written: indentation, blocks and runs of aligned attributes.
class Out {
 public:
  void line(string_view text) {
    if (!text.empty()) text_.append(static_cast<size_t>(indent_) * 2, ' ');
    text_ += text;
    text_ += '\n';
  }
  void blank() {
    if (!text_.empty() && !text_.ends_with("\n\n") && !text_.ends_with("{\n")) text_ += '\n';
  }
  void open(string_view header) {
    line(fmt::format("{} {{", header));
    ++indent_;
    names_.emplace_back();
  }
  void close() {
    --indent_;
    names_.pop_back();
    line("}");
  }
  // One attribute; multi-line values are indented to the attribute. A name
  // already set in this body gets a suffix: HCL rejects a redefinition.
  void attr(string_view name, string_view value, size_t width = 0, string_view comment = {}) {
    string unique(name);
    for (int i = 2; !names_.back().insert(unique).second; ++i) unique = fmt::format("{}_{}", name, i);
    name = unique;
    string head = fmt::format("{:<{}} = ", name, std::max(width, name.size()));
    string v = indentRest(value, indent_ * 2);
    line(comment.empty() ? head + v : fmt::format("{}{} # {}", head, v, comment));
  }
  // Consecutive attributes with their equals signs aligned, as terraform fmt does.
  void attrs(const std::vector<KV>& items) {
    size_t width = 0;
    for (const auto& [k, v] : items)
      if (v.find('\n') == string::npos) width = std::max(width, k.size());
    for (const auto& [k, v] : items) attr(k, v, v.find('\n') == string::npos ? width : 0);
  }
  void comment(string_view text, int style) {
    switch (style % 3) {
      case 0: line(fmt::format("# {}", text)); break;
      case 1: line(fmt::format("// {}", text)); break;
      default: line(fmt::format("/* {} */", text)); break;
    }
  }
  size_t size() const { return text_.size(); }
  const string& text() const { return text_; }
  int indent() const { return indent_; }

 private:
  string text_;
  int indent_ = 0;
  std::vector<std::set<string>> names_{1};  // attribute names of each open body
};

// --------------------------------------------------------------- generator

class Gen {
 public:
  explicit Gen(uint64_t seed) : r_(seed) {}

  string file(int index, string* name) {
    static constexpr int kKindWeights[] = {34, 17, 11, 6, 8, 8, 8, 5, 3};
    int roll = r_.below(100), kind = 0;
    for (int acc = 0; kind < 9; ++kind) {
      acc += kKindWeights[kind];
      if (roll < acc) break;
    }
    size_t target = targetSize();
    static constexpr string_view kFileNames[] = {"main.tf",    "variables.tf", "outputs.tf",
                                                 "versions.tf", "locals.tf",   "modules.tf",
                                                 "terraform.tfvars", "iam.tf", "compute.tf"};
    *name = fmt::format("f{:05d}-{}", index, kFileNames[kind]);
    if (r_.chance(15)) header();
    switch (kind) {
      case 0: while (o_.size() < target) resourceOrData(); break;
      case 1: while (o_.size() < target) variable(); break;
      case 2: while (o_.size() < target) output(); break;
      case 3: versions(); break;
      case 4: while (o_.size() < target) locals(); break;
      case 5: while (o_.size() < target) moduleCall(); break;
      case 6: tfvars(target); break;
      case 7: while (o_.size() < target) iam(); break;
      default: while (o_.size() < target) compute(); break;
    }
    string text = o_.text();
    if (r_.chance(2)) {  // a few files come from Windows machines
      string crlf;
      for (char c : text) {
        if (c == '\n') crlf += '\r';
        crlf += c;
      }
      text = std::move(crlf);
    }
    return text;
  }

 private:
  // Piecewise size distribution: median about 2 KB, 5% of 20-50 KB.
  size_t targetSize() {
    struct Bucket {
      int percent, lo, hi;
    };
    static constexpr Bucket kBuckets[] = {{12, 150, 600},     {18, 600, 1200},
                                          {25, 1200, 2500},   {20, 2500, 5000},
                                          {12, 5000, 10000},  {8, 10000, 20000},
                                          {5, 20000, 50000}};
    int roll = r_.below(100), acc = 0;
    for (const Bucket& b : kBuckets) {
      acc += b.percent;
      if (roll < acc) return static_cast<size_t>(r_.range(b.lo, b.hi));
    }
    return 2000;
  }

  string name() { return string(r_.pick(kNames)); }
  string var() { return fmt::format("var.{}", r_.pick(kVarNames)); }
  string localRef() { return fmt::format("local.{}", r_.pick(kNames)); }
  string tags() {
    switch (r_.below(4)) {
      case 0: return "local.tags";
      case 1: return "var.tags";
      case 2:
        return fmt::format("merge(local.common_tags, {})",
                           objectLit({{"Name", fmt::format("\"${{local.name}}-{}\"", name())}}));
      default:
        return fmt::format("merge(var.tags, {{ Name = \"${{var.name}}-{}\", Tier = \"{}\" }})",
                           name(), name());
    }
  }
  string interpString() {
    switch (r_.below(6)) {
      case 0: return fmt::format("\"${{var.name}}-{}\"", name());
      case 1: return fmt::format("\"${{local.name_prefix}}-${{var.environment}}-{}\"", name());
      case 2: return fmt::format("\"{}-${{terraform.workspace}}\"", name());
      case 3: return fmt::format("\"arn:aws:s3:::${{var.bucket_name}}/{}/*\"", name());
      case 4: return fmt::format("\"{}\"", r_.pick(kNames));
      default:
        return fmt::format("\"${{var.project}}-${{var.environment}}-{}-${{count.index + 1}}\"",
                           name());
    }
  }
  // A short expression of the kind found on the right of most attributes.
  string valueExpr(int depth = 0) {
    switch (r_.below(depth > 1 ? 8 : 14)) {
      case 0: return var();
      case 1: return localRef();
      case 2: return interpString();
      case 3: return fmt::format("aws_{}.{}.id", r_.pick({"s3_bucket", "vpc", "subnet", "iam_role",
                                                          "security_group", "instance"}),
                                 name());
      case 4: return fmt::format("module.{}.{}", name(), r_.pick(kVarNames));
      case 5: return std::to_string(r_.range(0, 65535));
      case 6: return r_.chance(50) ? "true" : "false";
      case 7: return "null";
      case 8:
        return fmt::format("{} ? {} : {}", condition(), valueExpr(depth + 1), valueExpr(depth + 1));
      case 9: return fmt::format("{}({})", r_.pick(kFunctions1), var());
      case 10:
        return fmt::format("lookup({}, \"{}\", {})", var(), name(), valueExpr(depth + 1));
      case 11: return fmt::format("try({}.{}, {})", var(), name(), valueExpr(depth + 1));
      case 12: return fmt::format("coalesce({}, {})", var(), valueExpr(depth + 1));
      default:
        return fmt::format("format(\"%s-%s\", {}, {})", var(), valueExpr(depth + 1));
    }
  }
  string condition() {
    switch (r_.below(7)) {
      case 0: return var();
      case 1: return fmt::format("{} == \"{}\"", var(), r_.pick(kEnvs));
      case 2: return fmt::format("length({}) > 0", var());
      case 3: return fmt::format("{} != null", var());
      case 4: return fmt::format("!{}", var());
      case 5: return fmt::format("{} && {} >= {}", var(), var(), r_.range(1, 10));
      default: return fmt::format("contains([\"prod\", \"staging\"], {})", var());
    }
  }
  string cidr() {
    return fmt::format("\"10.{}.{}.0/{}\"", r_.range(0, 255), r_.range(0, 255) & ~15,
                       r_.pick({16, 20, 24, 28}));
  }
  string cidrList() {
    std::vector<string> items;
    for (int i = r_.range(1, 4); i > 0; --i) items.push_back(cidr());
    return tupleLit(items, items.size() > 2);
  }

  void header() {
    o_.comment(fmt::format("---------------------------------------------------------------"), 0);
    o_.comment(fmt::format("{} resources for the {} stack", name(), r_.pick(kEnvs)), 0);
    o_.comment(fmt::format("---------------------------------------------------------------"), 0);
    o_.blank();
  }
  void maybeComment() {
    if (r_.chance(18)) o_.comment(r_.pick(kComments), r_.below(10) < 8 ? 0 : r_.below(3));
  }

  // ------------------------------------------------------------ resources

  void resourceOrData() {
    o_.blank();
    maybeComment();
    int roll = r_.below(100);
    if (roll < 15) return data();
    if (roll < 20 && r_.chance(50)) return moved();
    switch (r_.below(18)) {
      case 0: return instance();
      case 1: return securityGroup();
      case 2: return s3Bucket();
      case 3: return lambda();
      case 4: return dbInstance();
      case 5: return ecsTask();
      case 6: return logGroupAndAlarm();
      case 7: return loadBalancer();
      case 8: return route53();
      case 9: return autoscaling();
      case 10: return launchTemplate();
      case 11: return subnets();
      case 12: return dynamodb();
      case 13: return sqs();
      case 14: return eksNodeGroup();
      case 15: return cloudfront();
      case 16: return kms();
      default: return iamRole();
    }
  }

  void meta() {
    int roll = r_.below(10);
    if (roll < 2) o_.attr("count", fmt::format("var.create ? {} : 0", r_.pick({"1", "var.instance_count", "length(var.azs)"})));
    else if (roll < 4) o_.attr("for_each", r_.pick({"var.services", "toset(var.azs)",
                                                    "{ for k, v in var.services : k => v if v.enabled }",
                                                    "local.buckets"}));
    else if (roll == 4) o_.attr("provider", "aws.replica");
  }
  void lifecycle() {
    if (!r_.chance(20)) return;
    o_.blank();
    o_.open("lifecycle");
    switch (r_.below(3)) {
      case 0: o_.attr("create_before_destroy", "true"); break;
      case 1: o_.attr("prevent_destroy", "true"); break;
      default:
        o_.attr("ignore_changes", tupleLit({"tags[\"LastModified\"]", "desired_count"}, false));
    }
    if (r_.chance(30)) {
      o_.blank();
      o_.open("precondition");
      o_.attr("condition", fmt::format("{} != \"\"", var()));
      o_.attr("error_message", "\"The name must not be empty.\"");
      o_.close();
    }
    o_.close();
  }
  void dependsOn() {
    if (r_.chance(10)) {
      o_.blank();
      o_.attr("depends_on", tupleLit({fmt::format("aws_iam_role_policy_attachment.{}", name()),
                                      fmt::format("module.{}", name())},
                                     r_.chance(50)));
    }
  }
  void tagsAttr() {
    if (r_.chance(80)) {
      o_.blank();
      o_.attr("tags", tags());
    }
  }

  string dockerUserData() {
    string image = string(r_.pick(kImages));
    bool flush = r_.chance(70);
    string marker = r_.pick({"EOT", "EOF", "USERDATA", "SCRIPT"});
    string s = fmt::format("<<{}{}\n", flush ? "-" : "", marker);
    auto ln = [&](string_view text) { s += fmt::format("  {}\n", text); };
    ln("#!/bin/bash");
    ln("set -euo pipefail");
    ln("exec > >(tee /var/log/user-data.log | logger -t user-data) 2>&1");
    if (r_.chance(50)) {
      ln("yum update -y");
      ln("amazon-linux-extras install docker -y");
    } else {
      ln("apt-get update -qq");
      ln("apt-get install -y -qq docker.io awscli jq");
    }
    ln("systemctl enable --now docker");
    ln("usermod -aG docker ec2-user || true");
    if (r_.chance(50))
      ln("aws ecr get-login-password --region ${var.region} | docker login --username AWS "
         "--password-stdin ${data.aws_caller_identity.current.account_id}.dkr.ecr.${var.region}"
         ".amazonaws.com");
    ln(fmt::format("docker pull {}:${{var.image_tag}}", image));
    ln("docker rm -f ${local.name} 2>/dev/null || true");
    ln("docker run -d --name ${local.name} \\");
    ln("  --restart unless-stopped \\");
    ln(fmt::format("  -p ${{var.port}}:{} \\", r_.pick({8080, 3000, 443, 9090})));
    ln("  -e ENVIRONMENT=${var.environment} \\");
    ln("  -e AWS_REGION=${data.aws_region.current.name} \\");
    if (r_.chance(60)) {
      ln("%{ for key, value in var.container_env ~}");
      ln("  -e ${key}=${value} \\");
      ln("%{ endfor ~}");
    }
    if (r_.chance(40)) {
      ln("%{ if var.enable_monitoring ~}");
      ln("  --log-driver=awslogs --log-opt awslogs-group=${aws_cloudwatch_log_group.this.name} \\");
      ln("%{ endif ~}");
    }
    ln("  -v /srv/data:/data \\");
    ln(fmt::format("  {}:${{var.image_tag}}", image));
    ln("echo \"started at $(date) on $${HOSTNAME}\" >> /var/log/app-start.log");
    ln("cat <<'CONF' > /etc/app.conf");
    ln("listen = 0.0.0.0:${var.port}");
    ln("upstream = ${join(\",\", var.allowed_cidrs)}");
    ln("CONF");
    s += flush ? marker : "  " + marker;
    return s;
  }

  void instance() {
    o_.open(fmt::format("resource \"aws_instance\" \"{}\"", name()));
    meta();
    o_.attrs({{"ami", r_.chance(50) ? "data.aws_ami.ubuntu.id" : "var.ami_id"},
              {"instance_type", r_.chance(50) ? var() : quote(r_.pick(kInstanceTypes))},
              {"subnet_id", r_.chance(50) ? "element(var.subnet_ids, count.index)"
                                          : "module.vpc.private_subnets[0]"},
              {"vpc_security_group_ids", "[aws_security_group.this.id]"},
              {"key_name", "var.ssh_key_name"},
              {"iam_instance_profile", "aws_iam_instance_profile.this.name"},
              {"monitoring", "var.enable_monitoring"}});
    if (r_.chance(40)) o_.attr("associate_public_ip_address", "false", 0, "private subnet only");
    o_.blank();
    if (r_.chance(65)) {
      o_.attr("user_data", dockerUserData());
    } else {
      o_.attr("user_data", templatefileCall("user-data.sh.tftpl", r_.chance(50)));
    }
    o_.attr("user_data_replace_on_change", "true");
    o_.blank();
    o_.open("root_block_device");
    o_.attrs({{"volume_size", std::to_string(r_.pick({8, 20, 50, 100}))},
              {"volume_type", "\"gp3\""},
              {"encrypted", "true"},
              {"kms_key_id", "var.kms_key_arn"},
              {"delete_on_termination", "true"}});
    o_.close();
    if (r_.chance(50)) {
      o_.blank();
      o_.open("metadata_options");
      o_.attrs({{"http_endpoint", "\"enabled\""},
                {"http_tokens", "\"required\""},
                {"http_put_response_hop_limit", "2"}});
      o_.close();
    }
    if (r_.chance(30)) {
      o_.blank();
      o_.open("dynamic \"ebs_block_device\"");
      o_.attr("for_each", "var.extra_volumes");
      o_.open("content");
      o_.attrs({{"device_name", "ebs_block_device.value.device_name"},
                {"volume_size", "ebs_block_device.value.size"},
                {"volume_type", "lookup(ebs_block_device.value, \"type\", \"gp3\")"},
                {"encrypted", "true"}});
      o_.close();
      o_.close();
    }
    tagsAttr();
    lifecycle();
    dependsOn();
    o_.close();
  }

  string templatefileCall(string_view tpl, bool b64) {
    std::vector<KV> vars = {{"cluster_name", "var.cluster_name"},
                            {"region", "var.region"},
                            {"image", "\"${var.image}:${var.image_tag}\""},
                            {"environment", "var.environment"}};
    if (r_.chance(50)) vars.push_back({"extra_args", "join(\" \", var.extra_args)"});
    if (r_.chance(40)) vars.push_back({"ports", "[for p in var.ports : tostring(p)]"});
    string call = fmt::format("templatefile(\"${{path.module}}/templates/{}\", {})", tpl,
                              objectLit(vars));
    return b64 ? fmt::format("base64encode({})", call) : call;
  }

  void securityGroup() {
    string n = name();
    o_.open(fmt::format("resource \"aws_security_group\" \"{}\"", n));
    o_.attrs({{"name_prefix", fmt::format("\"${{local.name}}-{}-\"", n)},
              {"description", quote(fmt::format("Security group for the {} tier", n))},
              {"vpc_id", "var.vpc_id"}});
    if (r_.chance(60)) {
      o_.blank();
      o_.open("dynamic \"ingress\"");
      o_.attr("for_each", r_.chance(50) ? "var.ingress_rules"
                                        : "{ for idx, rule in var.ingress_rules : idx => rule }");
      string it = "ingress";
      if (r_.chance(40)) {
        it = "rule";
        o_.attr("iterator", it);
      }
      o_.blank();
      o_.open("content");
      o_.attrs({{"description", fmt::format("lookup({}.value, \"description\", null)", it)},
                {"from_port", it + ".value.from_port"},
                {"to_port", it + ".value.to_port"},
                {"protocol", fmt::format("try({}.value.protocol, \"tcp\")", it)},
                {"cidr_blocks", it + ".value.cidr_blocks"}});
      o_.close();
      o_.close();
    } else {
      for (int i = r_.range(1, 3); i > 0; --i) {
        o_.blank();
        int port = r_.pick({22, 80, 443, 5432, 6379, 8080});
        o_.open("ingress");
        o_.attrs({{"description", quote(fmt::format("Allow port {}", port))},
                  {"from_port", std::to_string(port)},
                  {"to_port", std::to_string(port)},
                  {"protocol", "\"tcp\""},
                  {"cidr_blocks", r_.chance(50) ? cidrList() : "var.allowed_cidrs"}});
        o_.close();
      }
    }
    o_.blank();
    o_.open("egress");
    o_.attrs({{"from_port", "0"},
              {"to_port", "0"},
              {"protocol", "\"-1\""},
              {"cidr_blocks", "[\"0.0.0.0/0\"]"},
              {"ipv6_cidr_blocks", "[\"::/0\"]"}});
    o_.close();
    tagsAttr();
    lifecycle();
    o_.close();
  }

  string policyStatement(bool with_condition) {
    std::vector<string> actions;
    for (int i = r_.range(1, 5); i > 0; --i) actions.push_back(quote(r_.pick(kActions)));
    std::vector<KV> st = {
        {"Sid", quote(fmt::format("Allow{}{}", r_.pick({"Read", "Write", "Logs", "Kms"}),
                                  r_.range(1, 99)))},
        {"Effect", r_.chance(90) ? "\"Allow\"" : "\"Deny\""},
        {"Action", tupleLit(actions, actions.size() > 2)},
        {"Resource", r_.chance(50) ? "[\n  aws_s3_bucket.this.arn,\n  \"${aws_s3_bucket.this.arn}/*\",\n]"
                                   : "\"*\""}};
    if (with_condition)
      st.push_back({"Condition", objectLit({{"StringEquals",
                                             objectLit({{"\"aws:SourceAccount\"",
                                                         "data.aws_caller_identity.current.account_id"},
                                                        {"\"aws:RequestedRegion\"", "var.region"}})}})});
    return objectLit(st);
  }
  string jsonPolicy() {
    std::vector<string> statements;
    for (int i = r_.range(1, 3); i > 0; --i) statements.push_back(policyStatement(r_.chance(40)));
    return fmt::format("jsonencode({})", objectLit({{"Version", "\"2012-10-17\""},
                                                    {"Statement", tupleLit(statements, true)}}));
  }
  string assumeRolePolicy(string_view service) {
    return fmt::format(
        "jsonencode({})",
        objectLit({{"Version", "\"2012-10-17\""},
                   {"Statement",
                    tupleLit({objectLit({{"Action", "\"sts:AssumeRole\""},
                                         {"Effect", "\"Allow\""},
                                         {"Principal", objectLit({{"Service", quote(service)}})}})},
                             true)}}));
  }

  void iamRole() {
    string n = name();
    string service = r_.pick({"ec2.amazonaws.com", "lambda.amazonaws.com",
                              "ecs-tasks.amazonaws.com", "eks.amazonaws.com"});
    o_.open(fmt::format("resource \"aws_iam_role\" \"{}\"", n));
    o_.attr("name", fmt::format("\"${{local.name}}-{}\"", n));
    o_.attr("assume_role_policy", r_.chance(60) ? assumeRolePolicy(service)
                                                : "data.aws_iam_policy_document.assume.json");
    if (r_.chance(30)) o_.attr("permissions_boundary", "var.permissions_boundary_arn");
    tagsAttr();
    o_.close();
    o_.blank();
    o_.open(fmt::format("resource \"aws_iam_policy\" \"{}\"", n));
    o_.attrs({{"name", fmt::format("\"${{local.name}}-{}-policy\"", n)},
              {"description", quote(fmt::format("Permissions of the {} role", n))}});
    o_.attr("policy", jsonPolicy());
    o_.close();
    o_.blank();
    o_.open(fmt::format("resource \"aws_iam_role_policy_attachment\" \"{}\"", n));
    if (r_.chance(40)) {
      o_.attr("for_each", "toset(var.managed_policy_arns)");
      o_.attrs({{"role", fmt::format("aws_iam_role.{}.name", n)}, {"policy_arn", "each.value"}});
    } else {
      o_.attrs({{"role", fmt::format("aws_iam_role.{}.name", n)},
                {"policy_arn", fmt::format("aws_iam_policy.{}.arn", n)}});
    }
    o_.close();
  }

  void s3Bucket() {
    string n = name();
    o_.open(fmt::format("resource \"aws_s3_bucket\" \"{}\"", n));
    meta();
    o_.attr("bucket", r_.chance(50) ? fmt::format("\"${{var.project}}-${{var.environment}}-{}\"", n)
                                    : "var.bucket_name");
    if (r_.chance(40)) o_.attr("force_destroy", "var.environment != \"prod\"");
    tagsAttr();
    o_.close();
    o_.blank();
    o_.open(fmt::format("resource \"aws_s3_bucket_versioning\" \"{}\"", n));
    o_.attr("bucket", fmt::format("aws_s3_bucket.{}.id", n));
    o_.open("versioning_configuration");
    o_.attr("status", "var.enable_versioning ? \"Enabled\" : \"Suspended\"");
    o_.close();
    o_.close();
    o_.blank();
    o_.open(fmt::format("resource \"aws_s3_bucket_server_side_encryption_configuration\" \"{}\"", n));
    o_.attr("bucket", fmt::format("aws_s3_bucket.{}.id", n));
    o_.blank();
    o_.open("rule");
    o_.open("apply_server_side_encryption_by_default");
    o_.attrs({{"sse_algorithm", "var.kms_key_arn == null ? \"AES256\" : \"aws:kms\""},
              {"kms_master_key_id", "var.kms_key_arn"}});
    o_.close();
    o_.attr("bucket_key_enabled", "true");
    o_.close();
    o_.close();
    o_.blank();
    o_.open(fmt::format("resource \"aws_s3_bucket_public_access_block\" \"{}\"", n));
    o_.attrs({{"bucket", fmt::format("aws_s3_bucket.{}.id", n)},
              {"block_public_acls", "true"},
              {"block_public_policy", "true"},
              {"ignore_public_acls", "true"},
              {"restrict_public_buckets", "true"}});
    o_.close();
    if (r_.chance(50)) {
      o_.blank();
      o_.open(fmt::format("resource \"aws_s3_bucket_lifecycle_configuration\" \"{}\"", n));
      o_.attr("bucket", fmt::format("aws_s3_bucket.{}.id", n));
      o_.blank();
      o_.open("dynamic \"rule\"");
      o_.attr("for_each", "var.lifecycle_rules");
      o_.open("content");
      o_.attrs({{"id", "rule.value.id"}, {"status", "rule.value.enabled ? \"Enabled\" : \"Disabled\""}});
      o_.blank();
      o_.open("filter");
      o_.attr("prefix", "rule.value.prefix");
      o_.close();
      o_.blank();
      o_.open("dynamic \"transition\"");
      o_.attr("for_each", "lookup(rule.value, \"transitions\", [])");
      o_.open("content");
      o_.attrs({{"days", "transition.value.days"}, {"storage_class", "transition.value.storage_class"}});
      o_.close();
      o_.close();
      o_.blank();
      o_.open("expiration");
      o_.attr("days", std::to_string(r_.pick({30, 90, 365})));
      o_.close();
      o_.close();
      o_.close();
      o_.close();
    }
    if (r_.chance(50)) {
      o_.blank();
      o_.open(fmt::format("resource \"aws_s3_bucket_policy\" \"{}\"", n));
      o_.attr("bucket", fmt::format("aws_s3_bucket.{}.id", n));
      o_.attr("policy", jsonPolicy());
      o_.close();
    }
  }

  void lambda() {
    string n = name();
    o_.open(fmt::format("resource \"aws_lambda_function\" \"{}\"", n));
    o_.attrs({{"function_name", fmt::format("\"${{local.name}}-{}\"", n)},
              {"role", "aws_iam_role.lambda.arn"},
              {"handler", quote(r_.pick({"index.handler", "main.lambda_handler", "bootstrap"}))},
              {"runtime", r_.chance(50) ? "var.lambda_runtime" : quote(r_.pick({"python3.12", "nodejs20.x", "provided.al2023"}))},
              {"filename", "data.archive_file.lambda.output_path"},
              {"source_code_hash", "data.archive_file.lambda.output_base64sha256"},
              {"memory_size", "var.memory_size"},
              {"timeout", std::to_string(r_.range(3, 900))},
              {"architectures", "[\"arm64\"]"}});
    o_.blank();
    o_.open("environment");
    std::vector<KV> env = {{"LOG_LEVEL", "var.log_level"},
                           {"TABLE_NAME", "aws_dynamodb_table.this.name"},
                           {"QUEUE_URL", "aws_sqs_queue.this.url"}};
    if (r_.chance(50)) env.push_back({"STAGE", "upper(var.environment)"});
    o_.attr("variables", r_.chance(30) ? fmt::format("merge(var.environment_variables, {})", objectLit(env))
                                       : objectLit(env));
    o_.close();
    if (r_.chance(50)) {
      o_.blank();
      o_.open("dynamic \"vpc_config\"");
      o_.attr("for_each", "var.vpc_id == null ? [] : [1]");
      o_.open("content");
      o_.attrs({{"subnet_ids", "var.subnet_ids"}, {"security_group_ids", "[aws_security_group.lambda[0].id]"}});
      o_.close();
      o_.close();
    }
    if (r_.chance(40)) {
      o_.blank();
      o_.open("tracing_config");
      o_.attr("mode", "\"Active\"");
      o_.close();
    }
    tagsAttr();
    dependsOn();
    o_.close();
  }

  void dbInstance() {
    string n = name();
    o_.open(fmt::format("resource \"aws_db_instance\" \"{}\"", n));
    o_.attr("count", "var.create ? 1 : 0");
    o_.blank();
    o_.attrs({{"identifier", fmt::format("\"${{local.name}}-{}\"", n)},
              {"engine", r_.chance(50) ? "\"postgres\"" : "\"mysql\""},
              {"engine_version", "var.db_engine_version"},
              {"instance_class", quote(r_.pick({"db.t3.micro", "db.r6g.large", "db.m5.xlarge"}))},
              {"allocated_storage", "var.allocated_storage"},
              {"max_allocated_storage", "var.allocated_storage * 4"},
              {"storage_encrypted", "true"},
              {"kms_key_id", "var.kms_key_arn"},
              {"db_name", quote(n)},
              {"username", "\"admin\""},
              {"password", "random_password.db.result"},
              {"multi_az", "var.environment == \"prod\""},
              {"backup_retention_period", "var.environment == \"prod\" ? 30 : var.backup_retention_period"},
              {"deletion_protection", "var.deletion_protection"},
              {"skip_final_snapshot", "!var.deletion_protection"},
              {"final_snapshot_identifier", fmt::format("\"${{local.name}}-{}-final-${{formatdate(\"YYYYMMDDhhmmss\", timestamp())}}\"", n)},
              {"vpc_security_group_ids", "[aws_security_group.db.id]"},
              {"db_subnet_group_name", "aws_db_subnet_group.this.name"},
              {"performance_insights_enabled", "var.environment == \"prod\" && var.enable_monitoring"}});
    tagsAttr();
    lifecycle();
    o_.close();
  }

  void ecsTask() {
    string n = name();
    o_.open(fmt::format("resource \"aws_ecs_task_definition\" \"{}\"", n));
    o_.attrs({{"family", fmt::format("\"${{local.name}}-{}\"", n)},
              {"requires_compatibilities", "[\"FARGATE\"]"},
              {"network_mode", "\"awsvpc\""},
              {"cpu", std::to_string(r_.pick({256, 512, 1024, 2048}))},
              {"memory", std::to_string(r_.pick({512, 1024, 2048, 4096}))},
              {"execution_role_arn", "aws_iam_role.execution.arn"},
              {"task_role_arn", "aws_iam_role.task.arn"}});
    o_.blank();
    std::vector<KV> container = {
        {"name", quote(n)},
        {"image", fmt::format("\"{}:${{var.image_tag}}\"", r_.pick(kImages))},
        {"essential", "true"},
        {"portMappings", tupleLit({objectLit({{"containerPort", "var.port"},
                                              {"hostPort", "var.port"},
                                              {"protocol", "\"tcp\""}})},
                                  true)},
        {"environment", fmt::format("[for k, v in var.container_env : {{ name = k, value = tostring(v) }}]")},
        {"secrets", fmt::format("[\n  for name, arn in var.secrets : {{\n    name      = name\n    valueFrom = arn\n  }}\n]")},
        {"logConfiguration",
         objectLit({{"logDriver", "\"awslogs\""},
                    {"options", objectLit({{"\"awslogs-group\"", "aws_cloudwatch_log_group.this.name"},
                                           {"\"awslogs-region\"", "var.region"},
                                           {"\"awslogs-stream-prefix\"", quote(n)}})}})}};
    if (r_.chance(40))
      container.push_back({"healthCheck", objectLit({{"command", "[\"CMD-SHELL\", \"curl -f http://localhost:${var.port}${var.health_check_path} || exit 1\"]"},
                                                     {"interval", "30"},
                                                     {"retries", "3"}})});
    o_.attr("container_definitions", fmt::format("jsonencode({})", tupleLit({objectLit(container)}, true)));
    if (r_.chance(50)) {
      o_.blank();
      o_.open("runtime_platform");
      o_.attrs({{"operating_system_family", "\"LINUX\""}, {"cpu_architecture", "\"ARM64\""}});
      o_.close();
    }
    tagsAttr();
    o_.close();
  }

  void logGroupAndAlarm() {
    string n = name();
    o_.open(fmt::format("resource \"aws_cloudwatch_log_group\" \"{}\"", n));
    o_.attrs({{"name", fmt::format("\"/aws/{}/${{local.name}}-{}\"", r_.pick({"lambda", "ecs", "eks"}), n)},
              {"retention_in_days", "var.retention_in_days"},
              {"kms_key_id", "var.kms_key_arn"}});
    tagsAttr();
    o_.close();
    o_.blank();
    o_.open(fmt::format("resource \"aws_cloudwatch_metric_alarm\" \"{}\"", n));
    o_.attr("for_each", "var.enable_monitoring ? var.alarms : {}");
    o_.blank();
    o_.attrs({{"alarm_name", fmt::format("\"${{local.name}}-{}-${{each.key}}\"", n)},
              {"comparison_operator", "\"GreaterThanOrEqualToThreshold\""},
              {"evaluation_periods", "each.value.evaluation_periods"},
              {"metric_name", "each.value.metric_name"},
              {"namespace", "\"AWS/EC2\""},
              {"period", std::to_string(r_.pick({60, 300, 900}))},
              {"statistic", "\"Average\""},
              {"threshold", "each.value.threshold"},
              {"alarm_description", fmt::format("\"Alarm when ${{each.value.metric_name}} exceeds ${{each.value.threshold}} for {}\"", n)},
              {"alarm_actions", "var.alarm_actions"},
              {"ok_actions", "var.alarm_actions"},
              {"dimensions", objectLit({{"InstanceId", fmt::format("aws_instance.{}[0].id", n)}})}});
    o_.close();
  }

  void loadBalancer() {
    string n = name();
    o_.open(fmt::format("resource \"aws_lb\" \"{}\"", n));
    o_.attrs({{"name", fmt::format("substr(\"${{local.name}}-{}\", 0, 32)", n)},
              {"internal", r_.chance(50) ? "false" : "true"},
              {"load_balancer_type", "\"application\""},
              {"security_groups", "[aws_security_group.lb.id]"},
              {"subnets", "var.public_subnet_ids"},
              {"drop_invalid_header_fields", "true"}});
    o_.blank();
    o_.open("access_logs");
    o_.attrs({{"bucket", "aws_s3_bucket.logs.id"}, {"prefix", quote(n)}, {"enabled", "true"}});
    o_.close();
    tagsAttr();
    o_.close();
    o_.blank();
    o_.open(fmt::format("resource \"aws_lb_target_group\" \"{}\"", n));
    o_.attrs({{"name_prefix", quote(n.substr(0, std::min<size_t>(n.size(), 6)))},
              {"port", "var.port"},
              {"protocol", "\"HTTP\""},
              {"target_type", "\"ip\""},
              {"vpc_id", "var.vpc_id"}});
    o_.blank();
    o_.open("health_check");
    o_.attrs({{"path", "var.health_check_path"},
              {"matcher", "\"200-399\""},
              {"interval", "15"},
              {"timeout", "5"},
              {"healthy_threshold", "2"},
              {"unhealthy_threshold", "3"}});
    o_.close();
    lifecycle();
    o_.close();
    o_.blank();
    o_.open(fmt::format("resource \"aws_lb_listener\" \"{}\"", n));
    o_.attrs({{"load_balancer_arn", fmt::format("aws_lb.{}.arn", n)},
              {"port", "443"},
              {"protocol", "\"HTTPS\""},
              {"ssl_policy", "\"ELBSecurityPolicy-TLS13-1-2-2021-06\""},
              {"certificate_arn", "aws_acm_certificate_validation.this.certificate_arn"}});
    o_.blank();
    o_.open("default_action");
    o_.attrs({{"type", "\"forward\""}, {"target_group_arn", fmt::format("aws_lb_target_group.{}.arn", n)}});
    o_.close();
    o_.close();
  }

  void route53() {
    string n = name();
    o_.open(fmt::format("resource \"aws_route53_record\" \"{}\"", n));
    if (r_.chance(50)) {
      o_.attr("for_each", "toset([\"A\", \"AAAA\"])");
      o_.blank();
      o_.attrs({{"zone_id", "var.zone_id"}, {"name", fmt::format("\"{}.${{var.domain_name}}\"", n)}, {"type", "each.value"}});
    } else {
      o_.attrs({{"zone_id", "data.aws_route53_zone.this.zone_id"},
                {"name", "var.domain_name"},
                {"type", "\"A\""}});
    }
    o_.blank();
    o_.open("alias");
    o_.attrs({{"name", "aws_lb.this.dns_name"}, {"zone_id", "aws_lb.this.zone_id"}, {"evaluate_target_health", "true"}});
    o_.close();
    o_.close();
  }

  void autoscaling() {
    string n = name();
    o_.open(fmt::format("resource \"aws_autoscaling_group\" \"{}\"", n));
    o_.attrs({{"name_prefix", fmt::format("\"${{local.name}}-{}-\"", n)},
              {"min_size", "var.min_size"},
              {"max_size", "var.max_size"},
              {"desired_capacity", "max(var.min_size, min(var.desired_capacity, var.max_size))"},
              {"vpc_zone_identifier", "var.subnet_ids"},
              {"target_group_arns", "[aws_lb_target_group.this.arn]"},
              {"health_check_type", "\"ELB\""},
              {"health_check_grace_period", "300"}});
    o_.blank();
    o_.open("launch_template");
    o_.attrs({{"id", fmt::format("aws_launch_template.{}.id", n)}, {"version", "\"$Latest\""}});
    o_.close();
    o_.blank();
    o_.open("instance_refresh");
    o_.attr("strategy", "\"Rolling\"");
    o_.open("preferences");
    o_.attr("min_healthy_percentage", "90");
    o_.close();
    o_.close();
    o_.blank();
    o_.open("dynamic \"tag\"");
    o_.attr("for_each", "merge(local.tags, { Name = \"${local.name}-" + n + "\" })");
    o_.open("content");
    o_.attrs({{"key", "tag.key"}, {"value", "tag.value"}, {"propagate_at_launch", "true"}});
    o_.close();
    o_.close();
    lifecycle();
    o_.close();
  }

  void launchTemplate() {
    string n = name();
    o_.open(fmt::format("resource \"aws_launch_template\" \"{}\"", n));
    o_.attrs({{"name_prefix", fmt::format("\"${{local.name}}-{}-\"", n)},
              {"image_id", "data.aws_ami.amazon_linux.id"},
              {"instance_type", quote(r_.pick(kInstanceTypes))},
              {"key_name", "var.ssh_key_name"}});
    o_.attr("user_data", templatefileCall(r_.pick({"bootstrap.sh.tftpl", "cloud-init.yaml.tftpl", "docker-compose.yml.tpl"}), true));
    o_.blank();
    o_.open("iam_instance_profile");
    o_.attr("arn", "aws_iam_instance_profile.this.arn");
    o_.close();
    o_.blank();
    o_.open("network_interfaces");
    o_.attrs({{"associate_public_ip_address", "false"}, {"security_groups", "[aws_security_group.this.id]"}, {"delete_on_termination", "true"}});
    o_.close();
    for (string_view kind : {"instance", "volume"}) {
      o_.blank();
      o_.open("tag_specifications");
      o_.attr("resource_type", quote(kind));
      o_.attr("tags", tags());
      o_.close();
    }
    o_.close();
  }

  void subnets() {
    string n = name();
    o_.open(fmt::format("resource \"aws_subnet\" \"{}\"", n));
    if (r_.chance(50)) {
      o_.attr("count", "length(var.azs)");
      o_.blank();
      o_.attrs({{"vpc_id", "aws_vpc.this.id"},
                {"cidr_block", "cidrsubnet(var.cidr_block, 8, count.index + " + std::to_string(r_.pick({0, 10, 100})) + ")"},
                {"availability_zone", "var.azs[count.index]"},
                {"map_public_ip_on_launch", n == "public" ? "true" : "false"}});
      o_.blank();
      o_.attr("tags", fmt::format("merge(local.tags, {})",
                                  objectLit({{"Name", fmt::format("\"${{local.name}}-{}-${{var.azs[count.index]}}\"", n)},
                                             {"\"kubernetes.io/role/elb\"", "1"}})));
    } else {
      o_.attr("for_each", "{ for idx, az in var.azs : az => idx }");
      o_.blank();
      o_.attrs({{"vpc_id", "aws_vpc.this.id"},
                {"cidr_block", "cidrsubnet(var.cidr_block, 4, each.value)"},
                {"availability_zone", "each.key"}});
      tagsAttr();
    }
    o_.close();
  }

  void dynamodb() {
    string n = name();
    o_.open(fmt::format("resource \"aws_dynamodb_table\" \"{}\"", n));
    o_.attrs({{"name", fmt::format("\"${{local.name}}-{}\"", n)},
              {"billing_mode", "\"PAY_PER_REQUEST\""},
              {"hash_key", "\"pk\""},
              {"range_key", "\"sk\""}});
    for (string_view a : {"pk", "sk", "gsi1pk"}) {
      o_.blank();
      o_.open("attribute");
      o_.attrs({{"name", quote(a)}, {"type", "\"S\""}});
      o_.close();
    }
    o_.blank();
    o_.open("global_secondary_index");
    o_.attrs({{"name", "\"gsi1\""}, {"hash_key", "\"gsi1pk\""}, {"projection_type", "\"ALL\""}});
    o_.close();
    o_.blank();
    o_.open("ttl");
    o_.attrs({{"attribute_name", "\"expires_at\""}, {"enabled", "true"}});
    o_.close();
    o_.blank();
    o_.open("point_in_time_recovery");
    o_.attr("enabled", "var.environment == \"prod\"");
    o_.close();
    o_.blank();
    o_.open("server_side_encryption");
    o_.attrs({{"enabled", "true"}, {"kms_key_arn", "var.kms_key_arn"}});
    o_.close();
    tagsAttr();
    o_.close();
  }

  void sqs() {
    string n = name();
    o_.open(fmt::format("resource \"aws_sqs_queue\" \"{}\"", n));
    o_.attrs({{"name", fmt::format("\"${{local.name}}-{}${{var.fifo ? \".fifo\" : \"\"}}\"", n)},
              {"fifo_queue", "var.fifo"},
              {"visibility_timeout_seconds", std::to_string(r_.pick({30, 60, 300}))},
              {"message_retention_seconds", "86400 * 4"},
              {"kms_master_key_id", "\"alias/aws/sqs\""}});
    o_.attr("redrive_policy", fmt::format("jsonencode({})",
                                          objectLit({{"deadLetterTargetArn", fmt::format("aws_sqs_queue.{}_dlq.arn", n)},
                                                     {"maxReceiveCount", std::to_string(r_.range(3, 10))}})));
    tagsAttr();
    o_.close();
  }

  void eksNodeGroup() {
    string n = name();
    o_.open(fmt::format("resource \"aws_eks_node_group\" \"{}\"", n));
    o_.attr("for_each", "var.node_groups");
    o_.blank();
    o_.attrs({{"cluster_name", "aws_eks_cluster.this.name"},
              {"node_group_name", "\"${var.cluster_name}-${each.key}\""},
              {"node_role_arn", "aws_iam_role.node.arn"},
              {"subnet_ids", "try(each.value.subnet_ids, var.subnet_ids)"},
              {"instance_types", "try(each.value.instance_types, [\"m5.large\"])"},
              {"capacity_type", "upper(try(each.value.capacity_type, \"on_demand\"))"},
              {"labels", "merge(var.node_labels, try(each.value.labels, {}))"}});
    o_.blank();
    o_.open("scaling_config");
    o_.attrs({{"min_size", "each.value.min_size"}, {"max_size", "each.value.max_size"}, {"desired_size", "each.value.desired_size"}});
    o_.close();
    o_.blank();
    o_.open("dynamic \"taint\"");
    o_.attr("for_each", "try(each.value.taints, [])");
    o_.open("content");
    o_.attrs({{"key", "taint.value.key"}, {"value", "try(taint.value.value, null)"}, {"effect", "taint.value.effect"}});
    o_.close();
    o_.close();
    o_.blank();
    o_.open("update_config");
    o_.attr("max_unavailable_percentage", "33");
    o_.close();
    tagsAttr();
    lifecycle();
    dependsOn();
    o_.close();
  }

  void cloudfront() {
    string n = name();
    o_.open(fmt::format("resource \"aws_cloudfront_distribution\" \"{}\"", n));
    o_.attrs({{"enabled", "true"},
              {"is_ipv6_enabled", "true"},
              {"comment", fmt::format("\"${{local.name}} {} distribution\"", n)},
              {"default_root_object", "\"index.html\""},
              {"price_class", "\"PriceClass_100\""},
              {"aliases", "[var.domain_name, \"www.${var.domain_name}\"]"},
              {"web_acl_id", "var.waf_acl_arn"}});
    o_.blank();
    o_.open("origin");
    o_.attrs({{"domain_name", "aws_s3_bucket.assets.bucket_regional_domain_name"},
              {"origin_id", "\"s3-assets\""},
              {"origin_access_control_id", "aws_cloudfront_origin_access_control.this.id"}});
    o_.close();
    o_.blank();
    o_.open("dynamic \"origin\"");
    o_.attr("for_each", "var.api_origins");
    o_.open("content");
    o_.attrs({{"domain_name", "origin.value.domain_name"}, {"origin_id", "origin.key"}});
    o_.blank();
    o_.open("custom_origin_config");
    o_.attrs({{"http_port", "80"}, {"https_port", "443"}, {"origin_protocol_policy", "\"https-only\""}, {"origin_ssl_protocols", "[\"TLSv1.2\"]"}});
    o_.close();
    o_.close();
    o_.close();
    o_.blank();
    o_.open("default_cache_behavior");
    o_.attrs({{"allowed_methods", "[\"GET\", \"HEAD\", \"OPTIONS\"]"},
              {"cached_methods", "[\"GET\", \"HEAD\"]"},
              {"target_origin_id", "\"s3-assets\""},
              {"viewer_protocol_policy", "\"redirect-to-https\""},
              {"cache_policy_id", "data.aws_cloudfront_cache_policy.optimized.id"},
              {"compress", "true"}});
    o_.close();
    for (int i = r_.range(0, 3); i > 0; --i) {
      o_.blank();
      o_.open("ordered_cache_behavior");
      o_.attrs({{"path_pattern", fmt::format("\"/{}/*\"", name())},
                {"allowed_methods", "[\"DELETE\", \"GET\", \"HEAD\", \"OPTIONS\", \"PATCH\", \"POST\", \"PUT\"]"},
                {"cached_methods", "[\"GET\", \"HEAD\"]"},
                {"target_origin_id", "keys(var.api_origins)[0]"},
                {"viewer_protocol_policy", "\"https-only\""},
                {"min_ttl", "0"},
                {"default_ttl", std::to_string(r_.pick({0, 60, 3600}))},
                {"max_ttl", "86400"}});
      o_.close();
    }
    o_.blank();
    o_.open("restrictions");
    o_.open("geo_restriction");
    o_.attrs({{"restriction_type", "\"whitelist\""}, {"locations", "[\"US\", \"CA\", \"GB\", \"DE\", \"FR\"]"}});
    o_.close();
    o_.close();
    o_.blank();
    o_.open("viewer_certificate");
    o_.attrs({{"acm_certificate_arn", "aws_acm_certificate.this.arn"}, {"ssl_support_method", "\"sni-only\""}, {"minimum_protocol_version", "\"TLSv1.2_2021\""}});
    o_.close();
    tagsAttr();
    o_.close();
  }

  void kms() {
    string n = name();
    o_.open(fmt::format("resource \"aws_kms_key\" \"{}\"", n));
    o_.attrs({{"description", quote(fmt::format("KMS key for {} data", n))},
              {"deletion_window_in_days", std::to_string(r_.pick({7, 14, 30}))},
              {"enable_key_rotation", "true"},
              {"policy", "data.aws_iam_policy_document.kms.json"}});
    tagsAttr();
    o_.close();
    o_.blank();
    o_.open(fmt::format("resource \"aws_kms_alias\" \"{}\"", n));
    o_.attrs({{"name", fmt::format("\"alias/${{local.name}}-{}\"", n)}, {"target_key_id", fmt::format("aws_kms_key.{}.key_id", n)}});
    o_.close();
  }

  void data() {
    switch (r_.below(6)) {
      case 0:
        o_.open(fmt::format("data \"aws_ami\" \"{}\"", r_.pick({"ubuntu", "amazon_linux", "this"})));
        o_.attrs({{"most_recent", "true"}, {"owners", r_.chance(50) ? "[\"099720109477\"]" : "[\"amazon\"]"}});
        for (auto [k, v] : {std::pair{"name", "[\"ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*\"]"},
                            std::pair{"virtualization-type", "[\"hvm\"]"}}) {
          o_.blank();
          o_.open("filter");
          o_.attrs({{"name", quote(k)}, {"values", v}});
          o_.close();
        }
        o_.close();
        return;
      case 1:
        o_.line("data \"aws_caller_identity\" \"current\" {}");
        o_.blank();
        o_.line("data \"aws_region\" \"current\" {}");
        return;
      case 2:
        o_.open("data \"aws_availability_zones\" \"available\"");
        o_.attr("state", "\"available\"");
        if (r_.chance(50)) {
          o_.blank();
          o_.open("filter");
          o_.attrs({{"name", "\"opt-in-status\""}, {"values", "[\"opt-in-not-required\"]"}});
          o_.close();
        }
        o_.close();
        return;
      case 3:
        o_.open("data \"aws_subnets\" \"private\"");
        o_.open("filter");
        o_.attrs({{"name", "\"vpc-id\""}, {"values", "[var.vpc_id]"}});
        o_.close();
        o_.blank();
        o_.attr("tags", "{\n  Tier = \"private\"\n}");
        o_.close();
        return;
      case 4:
        o_.open("data \"archive_file\" \"lambda\"");
        o_.attrs({{"type", "\"zip\""},
                  {"source_dir", "\"${path.module}/src\""},
                  {"output_path", "\"${path.module}/build/lambda.zip\""}});
        o_.close();
        return;
      default: return policyDocument();
    }
  }

  void policyDocument() {
    o_.open(fmt::format("data \"aws_iam_policy_document\" \"{}\"", r_.pick({"assume", "kms", "this", "bucket"})));
    for (int i = r_.range(1, 3); i > 0; --i) {
      o_.blank();
      o_.open("statement");
      std::vector<string> actions;
      for (int j = r_.range(1, 4); j > 0; --j) actions.push_back(quote(r_.pick(kActions)));
      o_.attrs({{"sid", quote(fmt::format("Statement{}", i))},
                {"effect", "\"Allow\""},
                {"actions", tupleLit(actions, actions.size() > 2)},
                {"resources", r_.chance(50) ? "[\"*\"]" : "[\"${aws_s3_bucket.this.arn}/*\"]"}});
      if (r_.chance(50)) {
        o_.blank();
        o_.open("principals");
        o_.attrs({{"type", "\"AWS\""}, {"identifiers", "[\"arn:aws:iam::${data.aws_caller_identity.current.account_id}:root\"]"}});
        o_.close();
      }
      if (r_.chance(40)) {
        o_.blank();
        o_.open("condition");
        o_.attrs({{"test", "\"StringEquals\""}, {"variable", "\"aws:PrincipalOrgID\""}, {"values", "[var.organization_id]"}});
        o_.close();
      }
      o_.close();
    }
    if (r_.chance(30)) {
      o_.blank();
      o_.open("dynamic \"statement\"");
      o_.attr("for_each", "var.extra_statements");
      o_.open("content");
      o_.attrs({{"sid", "statement.key"}, {"actions", "statement.value.actions"}, {"resources", "statement.value.resources"}});
      o_.close();
      o_.close();
    }
    o_.close();
  }

  void moved() {
    if (r_.chance(50)) {
      o_.open("moved");
      o_.attrs({{"from", fmt::format("aws_instance.{}", name())}, {"to", fmt::format("aws_instance.{}[0]", name())}});
    } else {
      o_.open("import");
      o_.attrs({{"to", fmt::format("aws_s3_bucket.{}", name())}, {"id", quote(fmt::format("{}-bucket", name()))}});
    }
    o_.close();
  }

  void iam() {
    o_.blank();
    maybeComment();
    if (r_.chance(40)) return policyDocument();
    iamRole();
  }

  void compute() {
    o_.blank();
    maybeComment();
    switch (r_.below(5)) {
      case 0: case 1: return instance();
      case 2: return launchTemplate();
      case 3: return autoscaling();
      default: return securityGroup();
    }
  }

  // ------------------------------------------------------------ variables

  string typeExpr(int depth = 0) {
    switch (r_.below(depth > 1 ? 6 : 10)) {
      case 0: case 1: return "string";
      case 2: return "number";
      case 3: return "bool";
      case 4: return "list(string)";
      case 5: return "map(string)";
      case 6: return fmt::format("list({})", typeExpr(depth + 1));
      case 7: return fmt::format("map({})", typeExpr(depth + 1));
      default: {
        std::vector<KV> fields;
        for (int i = r_.range(2, 5); i > 0; --i) {
          string t = typeExpr(depth + 1);
          if (r_.chance(35)) t = r_.chance(50) ? fmt::format("optional({})", t)
                                               : fmt::format("optional({}, {})", t, defaultFor(t));
          fields.push_back({string(r_.pick(kVarNames)), t});
        }
        string object = fmt::format("object({})", objectLit(fields));
        return r_.chance(80) ? object : fmt::format("map({})", object);
      }
    }
  }
  static string defaultFor(string_view type) {
    if (type == "string") return "\"\"";
    if (type == "number") return "0";
    if (type == "bool") return "false";
    if (type.starts_with("list") || type.starts_with("set")) return "[]";
    if (type.starts_with("map") || type.starts_with("object")) return "{}";
    return "null";
  }
  string defaultValue(string_view type) {
    if (type == "string") return quote(r_.chance(50) ? string(r_.pick(kRegions)) : name());
    if (type == "number") return std::to_string(r_.pick({1, 2, 3, 7, 30, 90, 443, 8080}));
    if (type == "bool") return r_.chance(50) ? "true" : "false";
    if (type == "list(string)") return tupleLit({quote(r_.pick(kRegions)), quote(r_.pick(kRegions))}, r_.chance(30));
    if (type == "map(string)") return objectLit({{"Team", quote(name())}, {"CostCenter", quote(std::to_string(r_.range(1000, 9999)))}});
    return defaultFor(type);
  }

  void variable() {
    o_.blank();
    maybeComment();
    string n = string(r_.pick(kVarNames));
    if (r_.chance(40)) n += fmt::format("_{}", name());
    o_.open(fmt::format("variable \"{}\"", n));
    string type = typeExpr();
    if (r_.chance(85)) o_.attr("description", quote(r_.pick(kDescriptions)));
    if (r_.chance(90)) o_.attr("type", type);
    if (r_.chance(70)) {
      string value = defaultValue(type);
      if (type.starts_with("list(object") && r_.chance(60)) value = "[]";
      o_.attr("default", value);
    }
    if (r_.chance(10)) o_.attr("sensitive", "true");
    if (r_.chance(10)) o_.attr("nullable", "false");
    if (r_.chance(30)) {
      o_.blank();
      o_.open("validation");
      switch (r_.below(5)) {
        case 0:
          o_.attr("condition", fmt::format("contains([\"dev\", \"staging\", \"prod\"], var.{})", n));
          o_.attr("error_message", "\"The environment must be one of: dev, staging, prod.\"");
          break;
        case 1:
          o_.attr("condition", fmt::format("can(regex(\"^[a-z0-9-]{{3,63}}$\", var.{}))", n));
          o_.attr("error_message", "\"Use 3-63 lower-case letters, digits and hyphens.\"");
          break;
        case 2:
          o_.attr("condition", fmt::format("var.{0} >= 1 && var.{0} <= 100", n));
          o_.attr("error_message", "\"Must be between 1 and 100.\"");
          break;
        case 3:
          o_.attr("condition", fmt::format("alltrue([for c in var.{} : can(cidrhost(c, 0))])", n));
          o_.attr("error_message", "\"Every entry must be a valid CIDR block, e.g. \\\"10.0.0.0/16\\\".\"");
          break;
        default:
          o_.attr("condition", fmt::format("length(var.{0}) > 0 && length(var.{0}) <= 64", n));
          o_.attr("error_message", "<<-EOT\n  The value is too long.\n  Keep it under 64 characters.\nEOT");
      }
      o_.close();
    }
    o_.close();
  }

  // -------------------------------------------------------------- outputs

  void output() {
    o_.blank();
    maybeComment();
    string n = name();
    string what = r_.pick({"id", "arn", "name", "dns_name", "endpoint", "url", "ids"});
    o_.open(fmt::format("output \"{}_{}\"", n, what));
    if (r_.chance(80)) o_.attr("description", quote(fmt::format("The {} of the {} resource.", what, n)));
    switch (r_.below(8)) {
      case 0: o_.attr("value", fmt::format("aws_instance.{}[*].id", n)); break;
      case 1: o_.attr("value", fmt::format("try(aws_lb.{}[0].dns_name, \"\")", n)); break;
      case 2: o_.attr("value", fmt::format("{{ for k, v in aws_subnet.{} : k => v.id }}", n)); break;
      case 3: o_.attr("value", fmt::format("[for s in aws_security_group.{} : s.arn]", n)); break;
      case 4: o_.attr("value", fmt::format("module.{}.{}", n, what)); break;
      case 5:
        o_.attr("value", objectLit({{"id", fmt::format("aws_s3_bucket.{}.id", n)},
                                    {"arn", fmt::format("aws_s3_bucket.{}.arn", n)},
                                    {"region", fmt::format("aws_s3_bucket.{}.region", n)}}));
        break;
      case 6: o_.attr("value", fmt::format("var.create ? aws_db_instance.{}[0].endpoint : null", n)); break;
      default: o_.attr("value", fmt::format("\"https://${{aws_lb.{}.dns_name}}/${{var.name}}\"", n));
    }
    if (r_.chance(12)) o_.attr("sensitive", "true");
    if (r_.chance(5)) o_.attr("depends_on", "[aws_iam_role_policy_attachment.this]");
    o_.close();
  }

  // ------------------------------------------------------------- versions

  void versions() {
    o_.open("terraform");
    o_.attr("required_version", quote(r_.pick({">= 1.3", ">= 1.5.0", "~> 1.6", ">= 1.0, < 2.0"})));
    o_.blank();
    o_.open("required_providers");
    o_.attr("aws", objectLit({{"source", "\"hashicorp/aws\""}, {"version", quote(r_.pick({">= 5.0", "~> 4.67", ">= 5.31, < 6.0"}))}}));
    if (r_.chance(50)) o_.attr("random", objectLit({{"source", "\"hashicorp/random\""}, {"version", "\">= 3.5\""}}));
    if (r_.chance(30)) o_.attr("archive", objectLit({{"source", "\"hashicorp/archive\""}, {"version", "\"~> 2.4\""}}));
    if (r_.chance(30)) o_.attr("kubernetes", objectLit({{"source", "\"hashicorp/kubernetes\""}, {"version", "\">= 2.20\""}}));
    o_.close();
    if (r_.chance(50)) {
      o_.blank();
      o_.open("backend \"s3\"");
      o_.attrs({{"bucket", "\"acme-terraform-state\""},
                {"key", quote(fmt::format("{}/{}/terraform.tfstate", r_.pick(kEnvs), name()))},
                {"region", quote(r_.pick(kRegions))},
                {"dynamodb_table", "\"terraform-locks\""},
                {"encrypt", "true"}});
      o_.close();
    }
    o_.close();
    for (int i = r_.range(0, 2); i > 0; --i) {
      o_.blank();
      o_.open("provider \"aws\"");
      o_.attr("region", i == 1 ? "var.region" : quote(r_.pick(kRegions)));
      if (i == 2) o_.attr("alias", "\"replica\"");
      if (r_.chance(50)) {
        o_.blank();
        o_.open("assume_role");
        o_.attrs({{"role_arn", "\"arn:aws:iam::${var.account_id}:role/terraform\""}, {"session_name", "\"terraform-${var.environment}\""}});
        o_.close();
      }
      o_.blank();
      o_.open("default_tags");
      o_.attr("tags", objectLit({{"Environment", "var.environment"}, {"ManagedBy", "\"terraform\""}, {"Repository", "\"github.com/acme/infrastructure\""}}));
      o_.close();
      o_.close();
    }
  }

  // --------------------------------------------------------------- locals

  void locals() {
    o_.blank();
    maybeComment();
    o_.open("locals");
    std::vector<KV> simple;
    for (int i = r_.range(2, 6); i > 0; --i) simple.push_back({name() + "_" + string(r_.pick(kVarNames)), valueExpr()});
    o_.attrs(simple);
    for (int i = r_.range(1, 4); i > 0; --i) {
      o_.blank();
      if (r_.chance(25)) o_.comment(r_.pick(kComments), 0);
      string n = name();
      switch (r_.below(9)) {
        case 0: o_.attr(n + "_ids", fmt::format("[for s in aws_subnet.{} : s.id]", n)); break;
        case 1: o_.attr(n + "_by_name", fmt::format("{{ for u in var.users : u.name => u if u.enabled }}")); break;
        case 2: o_.attr(n + "_by_az", "{ for i in aws_instance.this : i.availability_zone => i.id... }"); break;
        case 3:
          o_.attr(n + "_pairs",
                  "flatten([\n"
                  "  for env, cfg in var.environments : [\n"
                  "    for svc in cfg.services : {\n"
                  "      key     = \"${env}-${svc.name}\"\n"
                  "      env     = env\n"
                  "      service = svc.name\n"
                  "      port    = try(svc.port, 8080)\n"
                  "    }\n"
                  "  ]\n"
                  "])");
          break;
        case 4:
          o_.attr("name", "var.name != \"\" ? var.name : \"${var.project}-${var.environment}\"");
          o_.attr("is_prod", "var.environment == \"prod\"");
          o_.attr("instance_count", "local.is_prod ? max(3, var.instance_count) : 1");
          break;
        case 5:
          o_.attr("common_tags", fmt::format("merge(var.tags, {})",
                                             objectLit({{"Environment", "var.environment"},
                                                        {"Project", "var.project"},
                                                        {"ManagedBy", "\"terraform\""},
                                                        {"\"kubernetes.io/cluster/${var.cluster_name}\"", "\"shared\""}})));
          break;
        case 6:
          o_.attr(n + "_rules", fmt::format("concat(\n  var.ingress_rules,\n  var.enable_monitoring ? [{}] : [],\n)",
                                            inlineObject({{"from_port", "9100"}, {"to_port", "9100"}, {"protocol", "\"tcp\""}, {"cidr_blocks", "var.allowed_cidrs"}})));
          break;
        case 7:
          o_.attr(n + "_first_ip", fmt::format("try(aws_instance.{}[0].private_ip, null)", n));
          o_.attr(n + "_all_ips", fmt::format("aws_instance.{}[*].private_ip", n));
          o_.attr(n + "_sizes", "(var.instance_count * 2 + 1) % 3 - var.min_size / 2");
          break;
        default:
          o_.attr(n + "_subnets", fmt::format("{{\n  for idx, az in var.azs : az => {{\n    cidr   = cidrsubnet(var.cidr_block, 8, idx)\n    public = idx < {}\n  }}\n}}", r_.range(1, 3)));
      }
    }
    o_.close();
  }

  // -------------------------------------------------------------- modules

  void moduleCall() {
    o_.blank();
    maybeComment();
    string n = name();
    o_.open(fmt::format("module \"{}\"", n));
    switch (r_.below(4)) {
      case 0: o_.attrs({{"source", "\"terraform-aws-modules/vpc/aws\""}, {"version", "\"~> 5.0\""}}); break;
      case 1: o_.attr("source", fmt::format("\"../../modules/{}\"", n)); break;
      case 2: o_.attr("source", fmt::format("\"git::https://github.com/acme/terraform-{}.git?ref=v{}.{}.0\"", n, r_.range(1, 4), r_.range(0, 20))); break;
      default: o_.attrs({{"source", "\"terraform-aws-modules/eks/aws\""}, {"version", "\"20.8.4\""}});
    }
    if (r_.chance(25)) o_.attr("count", "var.create ? 1 : 0");
    else if (r_.chance(15)) o_.attr("for_each", "toset(var.environments)");
    o_.blank();
    std::vector<KV> inputs = {{"name", fmt::format("\"${{local.name}}-{}\"", n)}};
    for (int i = r_.range(2, 10); i > 0; --i) inputs.push_back({string(r_.pick(kVarNames)), valueExpr()});
    o_.attrs(inputs);
    if (r_.chance(40)) {
      o_.blank();
      o_.attr("azs", "slice(data.aws_availability_zones.available.names, 0, 3)");
      o_.attr("private_subnets", "[for k, v in local.azs : cidrsubnet(var.cidr_block, 4, k)]");
      o_.attr("public_subnets", "[for k, v in local.azs : cidrsubnet(var.cidr_block, 8, k + 48)]");
    }
    if (r_.chance(30)) {
      o_.blank();
      o_.attr("node_groups", objectLit({{"default", objectLit({{"instance_types", "[\"m5.large\"]"}, {"min_size", "1"}, {"max_size", "5"}, {"desired_size", "2"}})},
                                         {"spot", objectLit({{"instance_types", "[\"m5.large\", \"m5a.large\"]"}, {"capacity_type", "\"SPOT\""}, {"taints", tupleLit({inlineObject({{"key", "\"spot\""}, {"value", "\"true\""}, {"effect", "\"NO_SCHEDULE\""}})}, true)}})}}));
    }
    if (r_.chance(20)) {
      o_.blank();
      o_.attr("providers", objectLit({{"aws", "aws.replica"}}));
    }
    if (r_.chance(60)) {
      o_.blank();
      o_.attr("tags", tags());
    }
    dependsOn();
    o_.close();
  }

  // --------------------------------------------------------------- tfvars

  void tfvars(size_t target) {
    o_.attrs({{"environment", quote(r_.pick(kEnvs))}, {"region", quote(r_.pick(kRegions))}, {"project", quote(name())}});
    while (o_.size() < target) {
      o_.blank();
      if (r_.chance(20)) o_.comment(r_.pick(kComments), 0);
      switch (r_.below(7)) {
        case 0: o_.attrs({{"instance_type", quote(r_.pick(kInstanceTypes))}, {"instance_count", std::to_string(r_.range(1, 12))}, {"enable_monitoring", r_.chance(50) ? "true" : "false"}}); break;
        case 1: o_.attr("allowed_cidrs", cidrList()); break;
        case 2: o_.attr("tags", objectLit({{"Owner", quote(name() + "-team")}, {"CostCenter", quote(std::to_string(r_.range(1000, 9999)))}, {"\"app.kubernetes.io/part-of\"", quote(name())}})); break;
        case 3: {
          std::vector<string> rules;
          for (int i = r_.range(1, 4); i > 0; --i) {
            int port = r_.pick({22, 80, 443, 5432, 8080});
            rules.push_back(objectLit({{"description", quote(fmt::format("port {}", port))}, {"from_port", std::to_string(port)}, {"to_port", std::to_string(port)}, {"cidr_blocks", cidrList()}}));
          }
          o_.attr("ingress_rules", tupleLit(rules, true));
          break;
        }
        case 4: o_.attr("azs", tupleLit({quote(string(r_.pick(kRegions)) + "a"), quote(string(r_.pick(kRegions)) + "b"), quote(string(r_.pick(kRegions)) + "c")}, r_.chance(50))); break;
        case 5: {
          std::vector<KV> services;
          for (int i = r_.range(1, 4); i > 0; --i)
            services.push_back({name(), objectLit({{"image", quote(fmt::format("{}:{}.{}.{}", r_.pick(kImages), r_.range(1, 3), r_.range(0, 20), r_.range(0, 9)))}, {"cpu", std::to_string(r_.pick({256, 512, 1024}))}, {"enabled", "true"}, {"port", std::to_string(r_.pick({80, 8080, 3000}))}})});
          o_.attr("services", objectLit(services));
          break;
        }
        default: o_.attrs({{"retention_in_days", std::to_string(r_.pick({7, 14, 30, 90}))}, {"min_size", "1"}, {"max_size", std::to_string(r_.range(2, 20))}, {"domain_name", quote(fmt::format("{}.example.com", name()))}}); break;
      }
    }
  }

  Rng r_;
  Out o_;
};

uint64_t fileSeed(uint64_t seed, int index) {
  Rng mix(seed ^ (0xA5A5A5A5ull * static_cast<uint64_t>(index + 1)));
  mix.next();
  return mix.next() + static_cast<uint64_t>(index);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::fprintf(stderr, "usage: tfguard_gen_corpus OUT_DIR N [SEED]\n");
    return 2;
  }
  namespace fs = std::filesystem;
  fs::path out_dir = argv[1];
  char* end = nullptr;
  long n = std::strtol(argv[2], &end, 10);
  if (*end != '\0' || n < 1) {
    std::fprintf(stderr, "tfguard_gen_corpus: N must be a positive integer\n");
    return 2;
  }
  uint64_t seed = 1;
  if (argc == 4) {
    seed = std::strtoull(argv[3], &end, 10);
    if (*end != '\0') {
      std::fprintf(stderr, "tfguard_gen_corpus: SEED must be an integer\n");
      return 2;
    }
  }
  std::error_code ec;
  fs::create_directories(out_dir, ec);
  if (!ec) out_dir = fs::absolute(out_dir, ec);  // files.txt works from any directory
  if (ec) {
    std::fprintf(stderr, "tfguard_gen_corpus: %s: %s\n", out_dir.c_str(), ec.message().c_str());
    return 1;
  }

  std::ofstream list(out_dir / "files.txt");
  size_t total = 0;
  int failures = 0;
  for (int i = 0; i < n; ++i) {
    Gen gen(fileSeed(seed, i));
    string file_name;
    string text = gen.file(i, &file_name);
    fs::path path = out_dir / file_name;

    auto source = std::make_shared<tfguard::SourceFile>(path.string(), text);
    tfguard::syntax::ParsedFile parsed = tfguard::syntax::parseConfig(source);
    if (!parsed.diagnostics.empty()) {
      ++failures;
      for (const auto& d : parsed.diagnostics) {
        auto pos = source->lines().position(d.subject ? d.subject->begin : 0);
        std::fprintf(stderr, "%s:%u:%u: %s: %s\n", path.c_str(), pos.line, pos.column,
                     d.summary.c_str(), d.detail.c_str());
      }
    }
    std::ofstream out(path, std::ios::binary);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out) {
      std::fprintf(stderr, "tfguard_gen_corpus: cannot write %s\n", path.c_str());
      return 1;
    }
    list << path.string() << '\n';
    total += text.size();
  }
  std::fprintf(stderr, "tfguard_gen_corpus: wrote %ld files, %zu bytes to %s (seed %llu)\n", n,
               total, out_dir.c_str(), static_cast<unsigned long long>(seed));
  if (failures) {
    std::fprintf(stderr, "tfguard_gen_corpus: %d files do not parse cleanly with tfguard\n", failures);
    return 1;
  }
  return 0;
}
