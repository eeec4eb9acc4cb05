// Command hcldump is tfguard's differential-test oracle: it parses files with
// HashiCorp's own hclsyntax package and prints the AST as JSON in the shape
// described by AST-JSON.md, so that tfguard's parser can be diffed against it
// node by node.
//
// Usage: hcldump [--template | --json] [--pretty] FILE...
//
// One file prints one JSON document; several files print a JSON array.
// With --template each file is parsed as a bare template. With --json each
// file is parsed with HashiCorp's HCL JSON parser (package hcl/v2/json); its
// node types are unexported, so only the diagnostics are printed ("body" is
// null).
package main

import (
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/zclconf/go-cty/cty"
)

// Imports of the --bench mode only (runBench, at the end of this file).
import (
	"runtime"
	"syscall"
	"time"
)

// obj is a JSON object; encoding/json sorts map keys, so output is stable.
type obj = map[string]interface{}

// maxIntegerBits bounds exact-integer printing so that a hostile literal such
// as 1e99999999 cannot make the oracle allocate gigabytes.
const maxIntegerBits = 1 << 16

func main() {
	if len(os.Args) > 1 && os.Args[1] == "--bench" {
		os.Exit(runBench(os.Args[2:]))
	}
	templateMode := false
	jsonMode := false
	pretty := false
	var files []string
	flagsDone := false
	for _, arg := range os.Args[1:] {
		switch {
		case !flagsDone && arg == "--":
			flagsDone = true
		case !flagsDone && arg == "--template":
			templateMode = true
		case !flagsDone && arg == "--json":
			jsonMode = true
		case !flagsDone && arg == "--pretty":
			pretty = true
		case !flagsDone && strings.HasPrefix(arg, "--"):
			fmt.Fprintf(os.Stderr, "hcldump: unknown flag %s\n", arg)
			os.Exit(2)
		default:
			files = append(files, arg)
		}
	}
	if len(files) == 0 {
		fmt.Fprintln(os.Stderr, "usage: hcldump [--template | --json] [--pretty] FILE...")
		os.Exit(2)
	}

	docs := make([]obj, 0, len(files))
	for _, path := range files {
		if jsonMode {
			docs = append(docs, dumpJSONFile(path))
		} else {
			docs = append(docs, dumpFile(path, templateMode))
		}
	}

	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if pretty {
		enc.SetIndent("", "  ")
	}
	var err error
	if len(docs) == 1 {
		err = enc.Encode(docs[0])
	} else {
		err = enc.Encode(docs)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "hcldump: %v\n", err)
		os.Exit(1)
	}
}

// dumpFile never panics: a panic inside hclsyntax or the dumper becomes an
// error diagnostic so that one bad input cannot hide the others.
func dumpFile(path string, templateMode bool) (doc obj) {
	defer func() {
		if r := recover(); r != nil {
			doc = errorDoc(path, templateMode, fmt.Sprintf("oracle panic: %v", r))
		}
	}()

	src, err := os.ReadFile(path)
	if err != nil {
		return errorDoc(path, templateMode, fmt.Sprintf("Failed to read file: %v", err))
	}
	start := hcl.Pos{Line: 1, Column: 1, Byte: 0}
	d := &dumper{src: src}

	if templateMode {
		expr, diags := hclsyntax.ParseTemplate(src, path, start)
		return obj{
			"file":        path,
			"template":    d.rootTemplate(expr),
			"diagnostics": dumpDiagnostics(diags),
		}
	}

	file, diags := hclsyntax.ParseConfig(src, path, start)
	var body interface{}
	if file != nil {
		if b, ok := file.Body.(*hclsyntax.Body); ok && b != nil {
			// hclsyntax starts the file body at the first non-comment token;
			// AST-JSON.md says the file body covers the whole file.
			rng := b.SrcRange
			rng.Start = start
			body = d.body(b, rng)
		}
	}
	return obj{
		"file":        path,
		"body":        body,
		"diagnostics": dumpDiagnostics(diags),
	}
}

// dumpJSONFile reports what HCL says about a JSON-syntax file: the
// diagnostics of json.Parse and, when it succeeded, those about the shape of
// the root that Terraform always meets next (tfguard's parser reports them
// too, because its flattened body no longer shows the root's shape): a .tf.json
// root body is read with PartialContent, a .tfvars.json one with
// JustAttributes. Only the shape errors of the latter are kept: its
// duplicate-name errors belong to the model stage.
func dumpJSONFile(path string) (doc obj) {
	defer func() {
		if r := recover(); r != nil {
			doc = errorDoc(path, false, fmt.Sprintf("oracle panic: %v", r))
		}
	}()

	src, err := os.ReadFile(path)
	if err != nil {
		return errorDoc(path, false, fmt.Sprintf("Failed to read file: %v", err))
	}
	file, diags := hcljson.Parse(src, path)
	if !diags.HasErrors() && file != nil && file.Body != nil {
		if strings.HasSuffix(path, ".tfvars.json") {
			_, shapeDiags := file.Body.JustAttributes()
			for _, d := range shapeDiags {
				if d.Summary == "Incorrect JSON value type" {
					diags = append(diags, d)
				}
			}
		} else {
			_, _, shapeDiags := file.Body.PartialContent(&hcl.BodySchema{})
			diags = append(diags, shapeDiags...)
		}
	}
	return obj{
		"file":        path,
		"body":        nil,
		"diagnostics": dumpDiagnostics(diags),
	}
}

func errorDoc(path string, templateMode bool, summary string) obj {
	doc := obj{
		"file": path,
		"diagnostics": []obj{{
			"severity": "error",
			"summary":  summary,
			"detail":   "",
			"range":    "",
		}},
	}
	if templateMode {
		doc["template"] = nil
	} else {
		doc["body"] = nil
	}
	return doc
}

func dumpDiagnostics(diags hcl.Diagnostics) []obj {
	out := make([]obj, 0, len(diags))
	for _, diag := range diags {
		if diag == nil {
			continue
		}
		severity := "invalid"
		switch diag.Severity {
		case hcl.DiagError:
			severity = "error"
		case hcl.DiagWarning:
			severity = "warning"
		}
		rng := ""
		if diag.Subject != nil {
			rng = posRange(*diag.Subject)
		}
		out = append(out, obj{
			"severity": severity,
			"summary":  diag.Summary,
			"detail":   diag.Detail,
			"range":    rng,
		})
	}
	return out
}

// posRange formats a range as "L1:C1-L2:C2".
func posRange(r hcl.Range) string {
	return fmt.Sprintf("%d:%d-%d:%d", r.Start.Line, r.Start.Column, r.End.Line, r.End.Column)
}

// byteRange formats a range as "S-E" byte offsets.
func byteRange(r hcl.Range) string {
	return fmt.Sprintf("%d-%d", r.Start.Byte, r.End.Byte)
}

type dumper struct {
	src []byte
}

func (d *dumper) node(kind string, r hcl.Range) obj {
	return obj{"kind": kind, "range": posRange(r), "bytes": byteRange(r)}
}

// sourceAt reports whether the source at the start of r begins with prefix.
// Several AST-JSON distinctions (heredoc, legacy index, splat style, %{if})
// are not recorded by hclsyntax and can only be recovered from the bytes.
func (d *dumper) sourceAt(r hcl.Range, prefix string) bool {
	begin := r.Start.Byte
	end := begin + len(prefix)
	return begin >= 0 && end <= len(d.src) && string(d.src[begin:end]) == prefix
}

// ---- Body items ----

func (d *dumper) body(b *hclsyntax.Body, rng hcl.Range) obj {
	type item struct {
		start int
		node  obj
	}
	var items []item
	for _, attr := range b.Attributes {
		if attr != nil {
			items = append(items, item{attr.SrcRange.Start.Byte, d.attribute(attr)})
		}
	}
	for _, block := range b.Blocks {
		if block != nil {
			items = append(items, item{block.TypeRange.Start.Byte, d.block(block)})
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].start < items[j].start })

	out := make([]obj, 0, len(items))
	for _, it := range items {
		out = append(out, it.node)
	}
	n := d.node("body", rng)
	n["items"] = out
	return n
}

func (d *dumper) attribute(a *hclsyntax.Attribute) obj {
	n := d.node("attribute", a.SrcRange)
	n["name"] = a.Name
	n["name_range"] = posRange(a.NameRange)
	n["expr"] = d.expr(a.Expr)
	return n
}

func (d *dumper) block(b *hclsyntax.Block) obj {
	n := d.node("block", b.Range())
	n["type"] = b.Type
	labels := make([]obj, 0, len(b.Labels))
	for i, value := range b.Labels {
		label := obj{"value": value, "range": "", "quoted": false}
		if i < len(b.LabelRanges) {
			label["range"] = posRange(b.LabelRanges[i])
			label["quoted"] = d.sourceAt(b.LabelRanges[i], `"`)
		}
		labels = append(labels, label)
	}
	n["labels"] = labels
	if b.Body == nil {
		n["body"] = nil
	} else {
		// hclsyntax gives a single-line block `a { b = 1 }` a body range equal
		// to its attribute; AST-JSON.md wants the braces included, always.
		n["body"] = d.body(b.Body, hcl.RangeBetween(b.OpenBraceRange, b.CloseBraceRange))
	}
	return n
}

// ---- Expressions ----

var operatorSymbols = map[*hclsyntax.Operation]string{
	hclsyntax.OpLogicalOr:          "||",
	hclsyntax.OpLogicalAnd:         "&&",
	hclsyntax.OpLogicalNot:         "!",
	hclsyntax.OpEqual:              "==",
	hclsyntax.OpNotEqual:           "!=",
	hclsyntax.OpGreaterThan:        ">",
	hclsyntax.OpGreaterThanOrEqual: ">=",
	hclsyntax.OpLessThan:           "<",
	hclsyntax.OpLessThanOrEqual:    "<=",
	hclsyntax.OpAdd:                "+",
	hclsyntax.OpSubtract:           "-",
	hclsyntax.OpMultiply:           "*",
	hclsyntax.OpDivide:             "/",
	hclsyntax.OpModulo:             "%",
	hclsyntax.OpNegate:             "-",
}

func operatorSymbol(op *hclsyntax.Operation) string {
	if s, ok := operatorSymbols[op]; ok {
		return s
	}
	return "?"
}

func unknownNode(e interface{}) obj {
	return obj{"kind": "unknown", "go_type": fmt.Sprintf("%T", e)}
}

// expr returns nil (JSON null) for a nil expression.
func (d *dumper) expr(e hclsyntax.Expression) interface{} {
	if e == nil {
		return nil
	}
	switch t := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		n := d.node("literal", t.SrcRange)
		n["type"], n["value"] = encodeValue(t.Val)
		return n
	case *hclsyntax.TemplateExpr:
		return d.template(t, true)
	case *hclsyntax.TemplateWrapExpr:
		n := d.node("template_wrap", t.SrcRange)
		n["wrapped"] = d.expr(t.Wrapped)
		return n
	case *hclsyntax.TemplateJoinExpr:
		// Only produced inside template parts; handled there, but keep the
		// same shape if it ever shows up elsewhere.
		return d.templateFor(t)
	case *hclsyntax.ScopeTraversalExpr:
		n := d.node("scope_traversal", t.SrcRange)
		n["root"] = ""
		steps := t.Traversal
		if len(steps) > 0 {
			if root, ok := steps[0].(hcl.TraverseRoot); ok {
				n["root"] = root.Name
				steps = steps[1:]
			}
		}
		n["steps"] = d.steps(steps)
		return n
	case *hclsyntax.RelativeTraversalExpr:
		n := d.node("relative_traversal", t.SrcRange)
		n["source"] = d.expr(t.Source)
		n["steps"] = d.steps(t.Traversal)
		return n
	case *hclsyntax.IndexExpr:
		n := d.node("index", t.SrcRange)
		n["collection"] = d.expr(t.Collection)
		n["key"] = d.expr(t.Key)
		return n
	case *hclsyntax.FunctionCallExpr:
		n := d.node("call", t.Range())
		n["name"] = t.Name
		n["args"] = d.exprList(t.Args)
		n["expand_final"] = t.ExpandFinal
		return n
	case *hclsyntax.BinaryOpExpr:
		n := d.node("binary", t.SrcRange)
		n["op"] = operatorSymbol(t.Op)
		n["lhs"] = d.expr(t.LHS)
		n["rhs"] = d.expr(t.RHS)
		return n
	case *hclsyntax.UnaryOpExpr:
		n := d.node("unary", t.SrcRange)
		n["op"] = operatorSymbol(t.Op)
		n["operand"] = d.expr(t.Val)
		return n
	case *hclsyntax.ConditionalExpr:
		n := d.node("conditional", t.SrcRange)
		n["cond"] = d.expr(t.Condition)
		n["true"] = d.expr(t.TrueResult)
		n["false"] = d.expr(t.FalseResult)
		return n
	case *hclsyntax.ParenthesesExpr:
		n := d.node("parens", t.SrcRange)
		n["expr"] = d.expr(t.Expression)
		return n
	case *hclsyntax.TupleConsExpr:
		n := d.node("tuple", t.SrcRange)
		n["items"] = d.exprList(t.Exprs)
		return n
	case *hclsyntax.ObjectConsExpr:
		n := d.node("object", t.SrcRange)
		items := make([]obj, 0, len(t.Items))
		for _, item := range t.Items {
			items = append(items, obj{
				"key":   d.objectKey(item.KeyExpr),
				"value": d.expr(item.ValueExpr),
			})
		}
		n["items"] = items
		return n
	case *hclsyntax.ObjectConsKeyExpr:
		return d.objectKey(t)
	case *hclsyntax.ForExpr:
		return d.forExpr(t)
	case *hclsyntax.SplatExpr:
		n := d.node("splat", t.SrcRange)
		if d.sourceAt(t.MarkerRange, ".") {
			n["style"] = "attr"
		} else {
			n["style"] = "full"
		}
		n["marker"] = posRange(t.MarkerRange)
		n["source"] = d.expr(t.Source)
		n["each"] = d.expr(t.Each)
		return n
	case *hclsyntax.AnonSymbolExpr:
		return d.node("splat_item", t.SrcRange)
	default:
		return unknownNode(e)
	}
}

func (d *dumper) exprList(exprs []hclsyntax.Expression) []interface{} {
	out := make([]interface{}, 0, len(exprs))
	for _, e := range exprs {
		out = append(out, d.expr(e))
	}
	return out
}

func (d *dumper) objectKey(e hclsyntax.Expression) interface{} {
	key, ok := e.(*hclsyntax.ObjectConsKeyExpr)
	if !ok {
		return d.expr(e)
	}
	n := d.node("object_key", key.Range())
	n["force_non_literal"] = key.ForceNonLiteral
	// Same test HCL uses (ObjectConsKeyExpr.literalName): a single-name
	// traversal, or a true/false/null literal, is taken as its name.
	if name := hcl.ExprAsKeyword(key.Wrapped); name != "" {
		n["bare_name"] = name
	}
	n["expr"] = d.expr(key.Wrapped)
	return n
}

func (d *dumper) forExpr(t *hclsyntax.ForExpr) obj {
	n := d.node("for", t.SrcRange)
	if d.sourceAt(t.SrcRange, "{") {
		n["result"] = "object"
	} else {
		n["result"] = "tuple"
	}
	n["key_var"] = t.KeyVar
	n["val_var"] = t.ValVar
	n["coll"] = d.expr(t.CollExpr)
	if t.KeyExpr != nil {
		n["key"] = d.expr(t.KeyExpr)
	}
	n["value"] = d.expr(t.ValExpr)
	if t.CondExpr != nil {
		n["cond"] = d.expr(t.CondExpr)
	}
	n["group"] = t.Group
	return n
}

func (d *dumper) steps(trav hcl.Traversal) []obj {
	out := make([]obj, 0, len(trav))
	for _, step := range trav {
		switch s := step.(type) {
		case hcl.TraverseAttr:
			n := d.node("attr", s.SrcRange)
			n["name"] = s.Name
			out = append(out, n)
		case hcl.TraverseIndex:
			n := d.node("index", s.SrcRange)
			typ, val := encodeValue(s.Key)
			n["key"] = obj{"type": typ, "value": val}
			if d.sourceAt(s.SrcRange, ".") {
				n["legacy_dot"] = true
			}
			out = append(out, n)
		default:
			out = append(out, unknownNode(step))
		}
	}
	return out
}

// encodeValue gives the AST-JSON `type` and `value` of a literal.
func encodeValue(v cty.Value) (string, interface{}) {
	if v.IsMarked() {
		v, _ = v.Unmark()
	}
	if !v.IsKnown() {
		return "unknown", nil
	}
	if v.IsNull() {
		return "null", nil
	}
	switch v.Type() {
	case cty.String:
		return "string", v.AsString()
	case cty.Number:
		return "number", formatNumber(v.AsBigFloat())
	case cty.Bool:
		return "bool", v.True()
	default:
		return "unknown", nil
	}
}

func formatNumber(f *big.Float) string {
	if f.IsInt() && f.MantExp(nil) <= maxIntegerBits {
		i, _ := f.Int(nil)
		return i.String()
	}
	return f.Text('g', -1)
}

// ---- Templates ----

// rootTemplate dumps the result of ParseTemplate. Its range starts at byte 0,
// so a leading "<<" there is template text, not a heredoc opener.
func (d *dumper) rootTemplate(e hclsyntax.Expression) interface{} {
	if t, ok := e.(*hclsyntax.TemplateExpr); ok && t != nil {
		return d.template(t, false)
	}
	return d.expr(e)
}

func (d *dumper) template(t *hclsyntax.TemplateExpr, mayBeHeredoc bool) obj {
	n := d.node("template", t.SrcRange)
	n["parts"] = d.templateParts(t.Parts)
	if mayBeHeredoc && d.sourceAt(t.SrcRange, "<<") {
		n["heredoc"] = true
	}
	return n
}

// templateParts maps hclsyntax's lowered template parts back to source
// constructs, dropping empty literals and merging adjacent ones so that the
// split does not depend on how the lexer cut literal tokens.
func (d *dumper) templateParts(parts []hclsyntax.Expression) []obj {
	out := make([]obj, 0, len(parts))
	var lastLiteral obj
	var lastLiteralRange hcl.Range
	for _, part := range parts {
		if lit, ok := part.(*hclsyntax.LiteralValueExpr); ok && isKnownString(lit.Val) {
			text := lit.Val.AsString()
			if text == "" {
				continue
			}
			if lastLiteral != nil {
				lastLiteralRange = hcl.RangeBetween(lastLiteralRange, lit.SrcRange)
				lastLiteral["value"] = lastLiteral["value"].(string) + text
				lastLiteral["range"] = posRange(lastLiteralRange)
				lastLiteral["bytes"] = byteRange(lastLiteralRange)
				continue
			}
			lastLiteral = d.node("literal", lit.SrcRange)
			lastLiteral["type"] = "string"
			lastLiteral["value"] = text
			lastLiteralRange = lit.SrcRange
			out = append(out, lastLiteral)
			continue
		}
		lastLiteral = nil
		out = append(out, d.templatePart(part))
	}
	return out
}

func (d *dumper) templatePart(part hclsyntax.Expression) obj {
	switch t := part.(type) {
	case *hclsyntax.ConditionalExpr:
		// A %{ if } directive is lowered to ConditionalExpr, as is an
		// interpolated ${ a ? b : c }; only the source tells them apart.
		if d.sourceAt(t.SrcRange, "%{") {
			return d.templateIf(t)
		}
	case *hclsyntax.TemplateJoinExpr:
		return d.templateFor(t)
	}
	n, ok := d.expr(part).(obj)
	if !ok || n == nil {
		return unknownNode(part)
	}
	n["interp"] = true
	return n
}

func (d *dumper) templateIf(t *hclsyntax.ConditionalExpr) obj {
	n := d.node("template_if", t.SrcRange)
	n["cond"] = d.expr(t.Condition)
	n["then"] = d.branchParts(t.TrueResult)
	n["else"] = d.branchParts(t.FalseResult)
	return n
}

func (d *dumper) templateFor(t *hclsyntax.TemplateJoinExpr) obj {
	forExpr, ok := t.Tuple.(*hclsyntax.ForExpr)
	if !ok || forExpr == nil {
		return unknownNode(t.Tuple)
	}
	n := d.node("template_for", forExpr.SrcRange)
	n["key_var"] = forExpr.KeyVar
	n["val_var"] = forExpr.ValVar
	n["coll"] = d.expr(forExpr.CollExpr)
	n["body"] = d.branchParts(forExpr.ValExpr)
	return n
}

// branchParts returns the parts of the TemplateExpr that hclsyntax builds for
// an if/else branch or a for body.
func (d *dumper) branchParts(e hclsyntax.Expression) []obj {
	if t, ok := e.(*hclsyntax.TemplateExpr); ok && t != nil {
		return d.templateParts(t.Parts)
	}
	if e == nil {
		return []obj{}
	}
	return d.templateParts([]hclsyntax.Expression{e})
}

func isKnownString(v cty.Value) bool {
	return v.IsKnown() && !v.IsNull() && v.Type() == cty.String
}

// ---- Benchmark mode ----

// runBench implements `hcldump --bench N FILE|@LIST...`, the HashiCorp side
// of bench/run_benchmarks.sh: it reads every file into memory, then parses
// all of them N times with hclsyntax.ParseConfig (no JSON is built) and
// prints one JSON line for the best run:
//
//	{"bytes": B, "seconds": S, "mb_per_s": X, "cpu_seconds": C, "cpu_mb_per_s": Y, ...}
//
// seconds is wall-clock time; cpu_seconds is the process's CPU time (user +
// system, so the garbage collector's other threads count too). MB is 10^6
// bytes. @LIST reads paths from LIST, one a line, to stay clear of ARG_MAX.
func runBench(args []string) int {
	usage := func() int {
		fmt.Fprintln(os.Stderr, "usage: hcldump --bench N FILE|@LIST...")
		return 2
	}
	if len(args) < 2 {
		return usage()
	}
	var runs int
	if _, err := fmt.Sscanf(args[0], "%d", &runs); err != nil || runs < 1 {
		return usage()
	}
	var paths []string
	for _, arg := range args[1:] {
		if !strings.HasPrefix(arg, "@") {
			paths = append(paths, arg)
			continue
		}
		list, err := os.ReadFile(arg[1:])
		if err != nil {
			fmt.Fprintf(os.Stderr, "hcldump: %v\n", err)
			return 1
		}
		for _, line := range strings.Split(string(list), "\n") {
			line = strings.TrimSuffix(line, "\r")
			if line != "" && !strings.HasPrefix(line, "#") {
				paths = append(paths, line)
			}
		}
	}
	srcs := make([][]byte, len(paths))
	total := 0
	for i, path := range paths {
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "hcldump: %v\n", err)
			return 1
		}
		srcs[i] = src
		total += len(src)
	}

	start := hcl.Pos{Line: 1, Column: 1, Byte: 0}
	withErrors := 0
	bestWall, bestCPU := -1.0, -1.0
	for run := 0; run < runs; run++ {
		runtime.GC() // garbage of the previous run is not billed to this one
		cpu0 := processCPUSeconds()
		t0 := time.Now()
		for i, src := range srcs {
			file, diags := hclsyntax.ParseConfig(src, paths[i], start)
			if run == 0 && diags.HasErrors() {
				withErrors++
			}
			runtime.KeepAlive(file)
		}
		wall := time.Since(t0).Seconds()
		cpu := processCPUSeconds() - cpu0
		if bestWall < 0 || wall < bestWall {
			bestWall = wall
		}
		if bestCPU < 0 || cpu < bestCPU {
			bestCPU = cpu
		}
	}
	mbPerS := func(seconds float64) float64 {
		if seconds <= 0 {
			return 0
		}
		return float64(total) / 1e6 / seconds
	}
	fmt.Printf("{\"bytes\": %d, \"seconds\": %.6f, \"mb_per_s\": %.3f, \"cpu_seconds\": %.6f, "+
		"\"cpu_mb_per_s\": %.3f, \"files\": %d, \"files_with_errors\": %d, \"runs\": %d}\n",
		total, bestWall, mbPerS(bestWall), bestCPU, mbPerS(bestCPU), len(srcs), withErrors, runs)
	return 0
}

// processCPUSeconds is the user + system CPU time of the whole process.
func processCPUSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
