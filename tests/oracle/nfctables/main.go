// Command nfctables prints the Unicode normalisation data that
// src/base/unicode_nfc.cc needs to reproduce golang.org/x/text/unicode/norm's
// NFC.String exactly (cty normalises every string value with it, so
// Terraform's string literals come out that way).
//
// Every value is asked of the norm package itself through its public API, so
// the tables follow the Unicode version (and the quirks) of the norm package
// HashiCorp's cty is built with:
//
//   - ccc: Properties.LeadCCC (the ccc Go sorts and blocks with);
//   - decomposition: NFD.String of the single code point (full, recursive);
//   - NFC_QC: QuickSpanString of the single code point; a code point without
//     a decomposition that is not NFC_QC=Yes is NFC_QC=Maybe, i.e. it
//     combines backwards;
//   - leading/trailing non-starters (Go's Stream-Safe Text Format counts,
//     which decide where U+034F is inserted): counted on NFKD.String of the
//     code point, where a non-starter is a code point with ccc != 0 or one
//     that combines backwards;
//   - composition pairs: brute force, see composePairs.
//
// Run offline in GOPATH mode:
//
//	GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE=/tmp/gocache-nfc GOFLAGS= \
//	  go run tests/oracle/nfctables/main.go > src/base/unicode_nfc_tables.inc
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

const (
	hangulBase = 0xAC00
	hangulEnd  = 0xD7A4
	jamoTCount = 28

	// Bits of the flags byte; they mirror norm's qcInfo layout.
	flagNotYesC  = 0x10 // NFC_QC is No or Maybe
	flagMaybe    = 0x08 // NFC_QC is Maybe: combines with the rune before it
	flagDecomp   = 0x04 // has a canonical decomposition
	flagTrailMsk = 0x03 // number of trailing non-starters
)

type props struct {
	ccc    uint8 // leading ccc
	flags  uint8
	nLead  uint8
	decomp []rune
}

var info [utf8.MaxRune + 1]props

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "nfctables: "+format+"\n", args...)
	os.Exit(1)
}

func valid(r rune) bool { return utf8.ValidRune(r) }

func isHangul(r rune) bool { return hangulBase <= r && r < hangulEnd }

// combinesBackward reports NFC_QC=Maybe. Only code points without a
// decomposition can be Maybe (maketables enforces it).
func combinesBackward(r rune) bool { return info[r].flags&flagMaybe != 0 }

func nonStarter(r rune) bool { return info[r].ccc != 0 || combinesBackward(r) }

func collect() {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !valid(r) {
			continue
		}
		s := string(r)
		p := norm.NFC.PropertiesString(s)
		if p.Size() != len(s) {
			fail("%U: size %d", r, p.Size())
		}
		in := &info[r]
		in.ccc = p.LeadCCC()
		nfd := []rune(norm.NFD.String(s))
		dec := p.Decomposition()
		switch {
		case isHangul(r):
			in.flags |= flagDecomp // algorithmic, handled in code
		case dec != nil:
			in.flags |= flagDecomp
			in.decomp = nfd
			if norm.NFD.String(string(dec)) != string(nfd) {
				fail("%U: Decomposition %+q and NFD %+q disagree", r, dec, string(nfd))
			}
		default:
			if len(nfd) != 1 || nfd[0] != r {
				fail("%U: no decomposition but NFD is %+q", r, string(nfd))
			}
		}
		if norm.NFC.QuickSpanString(s) != len(s) {
			in.flags |= flagNotYesC
			if dec == nil && !isHangul(r) {
				in.flags |= flagMaybe
			}
		}
		if want := in.ccc == 0 && in.flags&flagMaybe == 0; p.BoundaryBefore() != want {
			fail("%U: BoundaryBefore %v, derived %v", r, p.BoundaryBefore(), want)
		}
		if p.CCC() != in.ccc && (in.decomp == nil || p.CCC() != 0) {
			fail("%U: CCC %d vs lead CCC %d", r, p.CCC(), in.ccc)
		}
	}
	// Stream-safe counts, on the compatibility decomposition as norm does.
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !valid(r) {
			continue
		}
		rs := []rune(norm.NFKD.String(string(r)))
		lead, trail := 0, 0
		for _, x := range rs {
			if !nonStarter(x) {
				break
			}
			lead++
		}
		for i := len(rs) - 1; i >= 0 && nonStarter(rs[i]); i-- {
			trail++
		}
		if trail > 3 || (lead > 0 && lead != trail) {
			fail("%U: %d leading / %d trailing non-starters", r, lead, trail)
		}
		info[r].nLead = uint8(lead)
		info[r].flags |= uint8(trail)
	}
}

// checkHangul verifies what unicode_nfc.cc hard-codes for Hangul syllables.
func checkHangul() {
	for r := rune(hangulBase); r < hangulEnd; r++ {
		want := props{flags: flagDecomp | 2}
		if (r-hangulBase)%jamoTCount == 0 {
			want.flags = flagDecomp | 1
		}
		if in := info[r]; in.ccc != want.ccc || in.flags != want.flags || in.nLead != 0 {
			fail("%U: Hangul syllable properties %+v", r, in)
		}
	}
	for r := rune(0); r < 0x80; r++ {
		if in := info[r]; in.ccc != 0 || in.flags != 0 || in.nLead != 0 {
			fail("%U: ASCII properties %+v", r, in)
		}
	}
}

// checkIllFormed verifies that norm treats every structurally complete but
// invalid 3- and 4-byte sequence (overlong, surrogate, beyond U+10FFFF) like
// an inert code point of that length, which is what unicode_nfc.cc assumes.
func checkIllFormed() {
	inert3 := norm.NFC.PropertiesString("\u4E00")
	inert4 := norm.NFC.PropertiesString("\U00020000")
	if !inert3.BoundaryAfter() || !inert4.BoundaryAfter() {
		fail("reference code points are not inert")
	}
	var b [4]byte
	for c0 := 0xE0; c0 < 0xF8; c0++ {
		for c1 := 0x80; c1 < 0xC0; c1++ {
			for c2 := 0x80; c2 < 0xC0; c2++ {
				b[0], b[1], b[2] = byte(c0), byte(c1), byte(c2)
				if c0 < 0xF0 {
					if r, n := utf8.DecodeRune(b[:3]); n == 3 && r != utf8.RuneError {
						continue
					}
					if norm.NFC.PropertiesString(string(b[:3])) != inert3 {
						fail("ill-formed %+q is not inert", b[:3])
					}
					continue
				}
				for c3 := 0x80; c3 < 0xC0; c3++ {
					b[3] = byte(c3)
					if r, n := utf8.DecodeRune(b[:4]); n == 4 && r != utf8.RuneError {
						continue
					}
					if norm.NFC.PropertiesString(string(b[:4])) != inert4 {
						fail("ill-formed %+q is not inert", b[:4])
					}
				}
			}
		}
	}
}

type pair struct {
	a, b, c rune
}

// composeSim runs norm's composition step (reorderBuffer.compose, without
// the Hangul branch) over a canonically ordered sequence of code points.
func composeSim(in []rune, table map[[2]rune]rune) []rune {
	b := append([]rune(nil), in...)
	ccc := make([]uint8, len(b))
	for i, r := range b {
		ccc[i] = info[r].ccc
	}
	k, s := 1, 0
	for i := 1; i < len(b); i++ {
		if combinesBackward(b[i]) {
			cccB, cccC := ccc[k-1], ccc[i]
			blocked := false
			if cccB == 0 {
				s = k - 1
			} else {
				blocked = s != k-1 && cccB >= cccC
			}
			if !blocked {
				if c, ok := table[[2]rune{b[s], b[i]}]; ok {
					b[s], ccc[s] = c, 0
					continue
				}
			}
		}
		b[k], ccc[k] = b[i], ccc[i]
		k++
	}
	return b[:k]
}

// composePairs finds norm's primary composites: a code point c is one iff it
// has a canonical decomposition and is NFC_QC=Yes (not excluded, not a
// singleton, not a non-starter decomposition). Its one-step decomposition
// (a, b) is not exposed, so it is recovered by brute force: b is one of the
// combining-backwards code points of NFD(c), a a code point whose NFD is
// NFD(c) without b; of these candidates, exactly the right one lets norm's
// own composition algorithm, fed with the pairs of all shorter composites,
// turn NFD(c) back into c.
func composePairs() []pair {
	byNFD := map[string][]rune{}
	var composites []rune
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !valid(r) {
			continue
		}
		if d := info[r].decomp; d != nil {
			byNFD[string(d)] = append(byNFD[string(d)], r)
			if info[r].flags&flagNotYesC == 0 {
				composites = append(composites, r)
			}
		} else if !isHangul(r) {
			byNFD[string(r)] = append(byNFD[string(r)], r)
		}
	}
	sort.SliceStable(composites, func(i, j int) bool {
		return len(info[composites[i]].decomp) < len(info[composites[j]].decomp)
	})
	table := map[[2]rune]rune{}
	var pairs []pair
	for _, c := range composites {
		d := info[c].decomp
		var found []pair
		for j := 1; j < len(d); j++ {
			if !combinesBackward(d[j]) {
				continue
			}
			rest := append(append([]rune(nil), d[:j]...), d[j+1:]...)
			for _, a := range byNFD[string(rest)] {
				key := [2]rune{a, d[j]}
				if _, dup := table[key]; dup {
					continue
				}
				table[key] = c
				if got := composeSim(d, table); len(got) == 1 && got[0] == c {
					found = append(found, pair{a, d[j], c})
				}
				delete(table, key)
			}
		}
		if len(found) != 1 {
			fail("%U: %d candidate composition pairs %+v", c, len(found), found)
		}
		table[[2]rune{found[0].a, found[0].b}] = c
		pairs = append(pairs, found[0])
	}
	// Go looks pairs up by a 32-bit key of the low 16 bits of each rune.
	keys := map[uint32]rune{}
	for _, p := range pairs {
		k := key(p)
		if old, dup := keys[k]; dup {
			fail("composition key collision %08X: %U and %U", k, old, p.c)
		}
		keys[k] = p.c
	}
	sort.Slice(pairs, func(i, j int) bool { return key(pairs[i]) < key(pairs[j]) })
	return pairs
}

func key(p pair) uint32 { return uint32(uint16(p.a))<<16 | uint32(uint16(p.b)) }

func main() {
	collect()
	checkHangul()
	checkIllFormed()
	pairs := composePairs()

	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	fmt.Fprintf(w, "// Generated by tests/oracle/nfctables from golang.org/x/text/unicode/norm\n")
	fmt.Fprintf(w, "// (Unicode %s). Do not edit.\n", norm.Version)
	fmt.Fprintf(w, "// kNfcRanges: code points with non-default NFC properties (ASCII and\n")
	fmt.Fprintf(w, "// Hangul syllables are handled in code): {first, last, lead ccc, flags,\n")
	fmt.Fprintf(w, "// leading non-starters, decomposition offset, decomposition length}.\n")
	fmt.Fprintf(w, "constexpr char kNfcUnicodeVersion[] = %q;\n", norm.Version)

	var decomp []rune
	var rows []string
	nranges := 0
	for r := rune(0x80); r <= utf8.MaxRune; r++ {
		in := info[r]
		if !valid(r) || isHangul(r) || (in.ccc == 0 && in.flags == 0 && in.nLead == 0) {
			continue
		}
		last := r
		off := 0
		if in.decomp != nil {
			off = len(decomp)
			decomp = append(decomp, in.decomp...)
			if off > 0xFFFF || len(in.decomp) > 0xFF {
				fail("decomposition table overflow")
			}
		} else {
			for n := last + 1; n <= utf8.MaxRune && valid(n) && !isHangul(n); n++ {
				x := info[n]
				if x.decomp != nil || x.ccc != in.ccc || x.flags != in.flags || x.nLead != in.nLead {
					break
				}
				last = n
			}
		}
		rows = append(rows, fmt.Sprintf("{0x%X,0x%X,%d,0x%X,%d,%d,%d},", r, last, in.ccc, in.flags, in.nLead, off, len(in.decomp)))
		nranges++
		r = last
	}
	fmt.Fprintf(w, "constexpr NfcRange kNfcRanges[] = {\n")
	writeWrapped(w, rows)
	fmt.Fprintf(w, "};\n")

	rows = rows[:0]
	for _, r := range decomp {
		rows = append(rows, fmt.Sprintf("0x%X,", r))
	}
	fmt.Fprintf(w, "// Canonical decompositions (NFD), indexed by kNfcRanges.\n")
	fmt.Fprintf(w, "constexpr char32_t kNfcDecompositions[] = {\n")
	writeWrapped(w, rows)
	fmt.Fprintf(w, "};\n")

	rows = rows[:0]
	for _, p := range pairs {
		rows = append(rows, fmt.Sprintf("{0x%08X,0x%X},", key(p), p.c))
	}
	fmt.Fprintf(w, "// Primary composites {(a & 0xFFFF) << 16 | (b & 0xFFFF), a+b}, sorted by key.\n")
	fmt.Fprintf(w, "// Like norm's combine(), lookups use only the low 16 bits of a and b.\n")
	fmt.Fprintf(w, "constexpr NfcPair kNfcCompositions[] = {\n")
	writeWrapped(w, rows)
	fmt.Fprintf(w, "};\n")
	fmt.Fprintf(os.Stderr, "nfctables: %d ranges, %d decomposition code points, %d compositions\n",
		nranges, len(decomp), len(pairs))
}

func writeWrapped(w *bufio.Writer, items []string) {
	line := ""
	for _, it := range items {
		if len(line)+len(it) > 96 {
			fmt.Fprintln(w, strings.TrimRight(line, " "))
			line = ""
		}
		line += it
	}
	if line != "" {
		fmt.Fprintln(w, line)
	}
}
