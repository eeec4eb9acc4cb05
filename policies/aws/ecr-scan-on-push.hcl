policy "ecr-scan-on-push" {
  severity          = "warning"
  summary           = "ECR repositories should scan images for vulnerabilities when they are pushed"
  tags              = ["security"]
  security_severity = "4.0"

  description = <<-EOT
    ## What fails

    An `aws_ecr_repository` whose images are not scanned on push, that is,
    neither of these holds:

    - the repository sets `image_scanning_configuration { scan_on_push =
      true }` (left out, scanning on push is off);
    - an `aws_ecr_registry_scanning_configuration` in the same environment
      has a `rule` with `scan_frequency` `SCAN_ON_PUSH` or `CONTINUOUS_SCAN`
      (enhanced continuous scanning also scans every pushed image) and a
      `repository_filter` that matches the repository's `name`. As in ECR, a
      filter with `*` matches the whole name with `*` standing for any
      characters (`prod-*`, `*`), and a filter without `*` matches names that
      contain it.

    The registry-level configuration is honoured because it is where
    scanning is configured for a whole registry (enhanced scanning is
    configured only there), and a registry with one wildcard rule should
    not need the flag repeated on every repository. A registry configuration
    managed in another root module or account is not visible: set the flag
    on the repository or suppress the finding with that reason.

    A `scan_on_push`, repository name, filter or frequency known only at
    apply, when it decides the outcome, leaves the check undecided.

    ## Why

    Images are built from base images and packages that age: a `FROM
    node:18` built last spring carries every OpenSSL, glibc and npm
    vulnerability published since. Scanning on push reports known CVEs
    before the image is deployed, at no cost for basic scanning, and gives
    the pipeline something to gate on; without it the first warning tends to
    be an incident or an auditor. Enhanced (Inspector) scanning goes further
    and re-scans images when new CVEs appear.
  EOT

  bad_example = <<-EOT
    resource "aws_ecr_repository" "api" {
      name = "api"
    }
  EOT

  good_example = <<-EOT
    resource "aws_ecr_repository" "api" {
      name = "api"

      image_scanning_configuration {
        scan_on_push = true
      }
    }
  EOT

  resource = "aws_ecr_repository"

  locals {
    scan_on_push = try(self.image_scanning_configuration[0].scan_on_push, null)
    # Registry-level rules that scan pushed images, and whether one of their
    # filters matches this repository's name.
    registry_rules = flatten([
      for c in resources("aws_ecr_registry_scanning_configuration") : [
        for r in c.rule[*] : r
        if contains(["SCAN_ON_PUSH", "CONTINUOUS_SCAN"], r.scan_frequency)
      ]
    ])
    registry_scan = anytrue([
      for r in local.registry_rules : anytrue([
        for f in r.repository_filter[*] :
        strcontains(f.filter, "*")
        ? matches(self.name, "^${replace(replace(f.filter, ".", "\\."), "*", ".*")}$")
        : strcontains(self.name, f.filter)
      ])
    ])
  }

  assert  = local.scan_on_push == true || local.registry_scan
  at      = "image_scanning_configuration[0].scan_on_push"
  message = "repository ${instance.address} does not scan images on push (${local.scan_on_push == null ? "no image_scanning_configuration" : "scan_on_push = ${local.scan_on_push}"}, and no registry scanning rule covers it)"
  detail  = "Add image_scanning_configuration { scan_on_push = true } to the repository, or an aws_ecr_registry_scanning_configuration rule with scan_frequency = \"SCAN_ON_PUSH\" (or enhanced CONTINUOUS_SCAN) whose repository_filter matches it. Fail the pipeline on critical findings."
}
