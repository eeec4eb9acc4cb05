#include "base/unicode_nfc.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <vector>

#include "base/utf8.h"

// A faithful port of the NFC path of golang.org/x/text/unicode/norm
// (Form.String → quickSpan / decomposeSegment / reorderBuffer), names kept so
// the two can be compared side by side. Its quirks are reproduced on purpose:
// the output must equal Terraform's byte for byte.

namespace tfguard::utf8 {
namespace {

struct NfcRange {
  char32_t first;
  char32_t last;
  uint8_t ccc;    // leading canonical combining class
  uint8_t flags;  // kNotYesC | kMaybe | kHasDecomp | trailing non-starters
  uint8_t nLead;  // leading non-starters (Stream-Safe Text Format)
  uint16_t decompOffset;
  uint8_t decompLength;
};

struct NfcPair {
  uint32_t key;  // (a & 0xFFFF) << 16 | (b & 0xFFFF)
  char32_t composite;
};

#include "base/unicode_nfc_tables.inc"

constexpr uint8_t kNotYesC = 0x10;    // NFC_QC No or Maybe
constexpr uint8_t kMaybe = 0x08;      // NFC_QC Maybe: combines backwards
constexpr uint8_t kHasDecomp = 0x04;  // canonical decomposition (or Hangul)
constexpr uint8_t kTrailMask = 0x03;  // trailing non-starters

constexpr int kMaxNonStarters = 30;
constexpr char32_t kGraphemeJoiner = 0x034F;

constexpr char32_t kHangulBase = 0xAC00;
constexpr char32_t kHangulEnd = 0xD7A4;
constexpr char32_t kJamoLBase = 0x1100;
constexpr char32_t kJamoLEnd = 0x1113;
constexpr char32_t kJamoVBase = 0x1161;
constexpr char32_t kJamoVEnd = 0x1176;
constexpr char32_t kJamoTBase = 0x11A7;
constexpr char32_t kJamoTEnd = 0x11C3;
constexpr char32_t kJamoTCount = 28;
constexpr char32_t kJamoVCount = 21;
constexpr char32_t kJamoVTCount = 21 * 28;

/// norm's Properties for one unit of input.
struct Props {
  uint8_t size = 0;  // bytes; 0 = sequence truncated by the end of input
  uint8_t ccc = 0;
  uint8_t flags = 0;
  uint8_t nLead = 0;
  const char32_t* decomp = nullptr;
  uint8_t decompLength = 0;

  bool isYesC() const { return (flags & kNotYesC) == 0; }
  bool combinesBackward() const { return (flags & kMaybe) != 0; }
  bool hasDecomposition() const { return (flags & kHasDecomp) != 0; }
  uint8_t nTrail() const { return flags & kTrailMask; }
  bool boundaryBefore() const { return ccc == 0 && !combinesBackward(); }
};

bool isHangul(char32_t cp) { return cp >= kHangulBase && cp < kHangulEnd; }

/// Properties of a valid code point.
Props propsOf(char32_t cp) {
  Props p;
  if (cp < 0x80) return p;
  if (isHangul(cp)) {
    // LV syllables end in one non-starter (V), LVT ones in two (V, T).
    p.flags = kHasDecomp | ((cp - kHangulBase) % kJamoTCount == 0 ? 1 : 2);
    return p;
  }
  auto it = std::upper_bound(std::begin(kNfcRanges), std::end(kNfcRanges), cp,
                             [](char32_t c, const NfcRange& r) { return c < r.first; });
  if (it == std::begin(kNfcRanges)) return p;
  const NfcRange& r = *std::prev(it);
  if (cp > r.last) return p;
  p.ccc = r.ccc;
  p.flags = r.flags;
  p.nLead = r.nLead;
  if (r.decompLength > 0) {
    p.decomp = kNfcDecompositions + r.decompOffset;
    p.decompLength = r.decompLength;
  }
  return p;
}

/// norm's combine(): pairs are keyed by the low 16 bits of each code point.
char32_t combine(char32_t a, char32_t b) {
  uint32_t key = (static_cast<uint32_t>(a & 0xFFFF) << 16) | (b & 0xFFFF);
  auto it = std::lower_bound(std::begin(kNfcCompositions), std::end(kNfcCompositions), key,
                             [](const NfcPair& p, uint32_t k) { return p.key < k; });
  return it != std::end(kNfcCompositions) && it->key == key ? it->composite : 0;
}

bool isContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

/// The unit at s[pos] as norm's trie lookup (lookupString) sees it: a valid
/// code point, an ill-formed unit (inert, cp = U+FFFD as utf8.DecodeRune
/// would report it), or size 0 for a sequence cut off by the end of input.
Props lookup(std::string_view s, size_t pos, char32_t* cp) {
  auto c0 = static_cast<unsigned char>(s[pos]);
  size_t rem = s.size() - pos;
  Props p;
  *cp = 0xFFFD;
  if (c0 < 0x80) {
    *cp = c0;
    p.size = 1;
    return p;
  }
  size_t need = c0 < 0xC2 ? 1 : c0 < 0xE0 ? 2 : c0 < 0xF0 ? 3 : c0 < 0xF8 ? 4 : 1;
  if (need == 1) {
    p.size = 1;
    return p;
  }
  if (rem < need) return p;  // size 0: incomplete
  for (size_t i = 1; i < need; ++i) {
    if (!isContinuation(static_cast<unsigned char>(s[pos + i]))) {
      p.size = static_cast<uint8_t>(i);
      return p;
    }
  }
  char32_t c;
  if (decode(s, pos, &c) != static_cast<int>(need)) {
    p.size = static_cast<uint8_t>(need);  // overlong, surrogate, > U+10FFFF: inert
    return p;
  }
  p = propsOf(c);
  p.size = static_cast<uint8_t>(need);
  *cp = c;
  return p;
}

enum class SsState { kSuccess, kStarter, kOverflow };

/// norm's streamSafe: counts consecutive non-starters.
struct StreamSafe {
  uint8_t n = 0;
  SsState next(const Props& p) {
    n += p.nLead;
    if (n > kMaxNonStarters) {
      n = 0;
      return SsState::kOverflow;
    }
    if (p.nLead == 0) {
      n = p.nTrail();
      return SsState::kStarter;
    }
    return SsState::kSuccess;
  }
};

/// quickSpan(src, i, end, atEOF=true) for NFC: a boundary n such that
/// src[i:n] is already normalised, and whether that holds up to end.
size_t quickSpan(std::string_view src, size_t i, size_t end, bool* ok) {
  uint8_t lastCC = 0;
  StreamSafe ss;
  size_t lastSegStart = i;
  while (i < end) {
    size_t j = i;
    while (j < end && static_cast<unsigned char>(src[j]) < 0x80) ++j;
    if (j != i) {
      i = j;
      lastSegStart = i - 1;
      lastCC = 0;
      ss.n = 0;
      continue;
    }
    char32_t cp;
    Props info = lookup(src, i, &cp);
    if (info.size == 0) {  // include incomplete runes
      *ok = true;
      return end;
    }
    switch (ss.next(info)) {
      case SsState::kStarter:
        lastSegStart = i;
        break;
      case SsState::kOverflow:
        *ok = false;
        return lastSegStart;
      case SsState::kSuccess:
        if (lastCC > info.ccc) {
          *ok = false;
          return lastSegStart;
        }
        break;
    }
    if (!info.isYesC()) break;
    lastCC = info.ccc;
    i += info.size;
  }
  if (i == end) {
    *ok = true;
    return end;
  }
  *ok = false;
  return lastSegStart;
}

/// norm's reorderBuffer plus the String driver around it.
class Normalizer {
 public:
  explicit Normalizer(std::string_view src) : src_(src) { buf_.reserve(40); }

  std::string run(size_t p) {
    out_.assign(src_.substr(0, p));
    // doAppendInner
    while (p < src_.size()) {
      p = decomposeSegment(p);
      if (p == kTruncated) {  // unreachable: segments never start truncated
        break;
      }
      p = appendQuick(p);
    }
    return std::move(out_);
  }

 private:
  struct Entry {
    Props info;
    char32_t cp;  // what utf8.DecodeRune reads from bytes (U+FFFD if ill-formed)
    uint8_t size;
    char bytes[4];
  };

  static constexpr size_t kTruncated = std::string_view::npos;

  size_t appendQuick(size_t i) {
    if (i == src_.size()) return i;
    bool ok;
    size_t end = quickSpan(src_, i, src_.size(), &ok);
    out_.append(src_.substr(i, end - i));
    return end;
  }

  size_t decomposeSegment(size_t sp) {
    char32_t cp;
    Props info = lookup(src_, sp, &cp);
    if (info.size == 0) {
      out_.append(src_.substr(sp));  // norm would return 0 here; keep the bytes
      return kTruncated;
    }
    SsState st = ss_.next(info);
    if (st == SsState::kStarter && !buf_.empty()) {
      doFlush();
      return sp;
    }
    if (st == SsState::kOverflow) {
      insertCgj();
      doFlush();
      return sp;
    }
    insertFlush(sp, cp, info);
    for (;;) {
      sp += info.size;
      if (sp >= src_.size()) break;
      info = lookup(src_, sp, &cp);
      if (info.size == 0) break;
      st = ss_.next(info);
      if (st == SsState::kStarter) break;
      if (st == SsState::kOverflow) {
        insertCgj();
        break;
      }
      insertFlush(sp, cp, info);
    }
    doFlush();
    return sp;
  }

  void insertFlush(size_t sp, char32_t cp, const Props& info) {
    if (info.size == 3 && isHangul(cp)) {
      decomposeHangul(cp);
    } else if (info.hasDecomposition()) {
      insertDecomposed(info);
    } else {
      Entry e{info, cp, info.size, {}};
      std::copy_n(src_.data() + sp, info.size, e.bytes);
      insertOrdered(e);
    }
  }

  void insertDecomposed(const Props& composite) {
    for (uint8_t i = 0; i < composite.decompLength; ++i) {
      char32_t cp = composite.decomp[i];
      Entry e = makeEntry(cp, propsOf(cp));
      if (e.info.boundaryBefore() && !buf_.empty()) doFlush();
      insertOrdered(e);
    }
  }

  static Entry makeEntry(char32_t cp, Props info) {
    std::string enc;
    append(enc, cp);
    Entry e{info, cp, static_cast<uint8_t>(enc.size()), {}};
    std::copy(enc.begin(), enc.end(), e.bytes);
    return e;
  }

  void insertOrdered(const Entry& e) {
    size_t n = buf_.size();
    buf_.push_back(e);
    uint8_t cc = e.info.ccc;
    if (cc > 0) {
      for (; n > 0; --n) {
        if (buf_[n - 1].info.ccc <= cc) break;
        buf_[n] = buf_[n - 1];
      }
      buf_[n] = e;
    }
  }

  void insertCgj() { insertOrdered(makeEntry(kGraphemeJoiner, Props{})); }

  void decomposeHangul(char32_t r) {
    r -= kHangulBase;
    char32_t x = r % kJamoTCount;
    r /= kJamoTCount;
    buf_.push_back(makeEntry(kJamoLBase + r / kJamoVCount, Props{}));
    buf_.push_back(makeEntry(kJamoVBase + r % kJamoVCount, Props{}));
    if (x != 0) buf_.push_back(makeEntry(kJamoTBase + x, Props{}));
  }

  void assignRune(size_t pos, char32_t r) { buf_[pos] = makeEntry(r, Props{}); }

  static bool isJamoVT(const Entry& e) {
    return e.size >= 2 && static_cast<unsigned char>(e.bytes[0]) == 0xE1 &&
           (static_cast<unsigned char>(e.bytes[1]) & 0xFC) == 0x84;
  }

  void combineHangul(size_t s, size_t i, size_t k) {
    size_t bn = buf_.size();
    for (; i < bn; ++i) {
      uint8_t cccB = buf_[k - 1].info.ccc;
      uint8_t cccC = buf_[i].info.ccc;
      if (cccB == 0) s = k - 1;
      if (s != k - 1 && cccB >= cccC) {
        buf_[k++] = buf_[i];  // blocked
        continue;
      }
      char32_t l = buf_[s].cp;
      char32_t v = buf_[i].cp;
      if (l >= kJamoLBase && l < kJamoLEnd && v >= kJamoVBase && v < kJamoVEnd) {
        assignRune(s,
                   kHangulBase + (l - kJamoLBase) * kJamoVTCount + (v - kJamoVBase) * kJamoTCount);
      } else if (isHangul(l) && v > kJamoTBase && v < kJamoTEnd &&
                 (l - kHangulBase) % kJamoTCount == 0) {
        assignRune(s, l + v - kJamoTBase);
      } else {
        buf_[k++] = buf_[i];
      }
    }
    buf_.resize(k);
  }

  void compose() {
    size_t bn = buf_.size();
    if (bn == 0) return;
    size_t k = 1;
    for (size_t s = 0, i = 1; i < bn; ++i) {
      if (isJamoVT(buf_[i])) {
        combineHangul(s, i, k);
        return;
      }
      const Props& ii = buf_[i].info;
      if (ii.combinesBackward()) {
        uint8_t cccB = buf_[k - 1].info.ccc;
        uint8_t cccC = ii.ccc;
        bool blocked = false;
        if (cccB == 0) {
          s = k - 1;
        } else {
          blocked = s != k - 1 && cccB >= cccC;
        }
        if (!blocked) {
          if (char32_t combined = combine(buf_[s].cp, buf_[i].cp); combined != 0) {
            assignRune(s, combined);
            continue;
          }
        }
      }
      buf_[k++] = buf_[i];
    }
    buf_.resize(k);
  }

  void doFlush() {
    compose();
    for (const Entry& e : buf_) out_.append(e.bytes, e.size);
    buf_.clear();
  }

  std::string_view src_;
  std::string out_;
  std::vector<Entry> buf_;
  StreamSafe ss_;
};

bool allAscii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

}  // namespace

bool isNfc(std::string_view s) {
  if (allAscii(s)) return true;
  bool ok;
  size_t n = quickSpan(s, 0, s.size(), &ok);
  if (ok) return true;
  return Normalizer(s).run(n) == s;
}

std::string toNfc(std::string_view s) {
  if (allAscii(s)) return std::string(s);
  bool ok;
  size_t n = quickSpan(s, 0, s.size(), &ok);
  if (ok) return std::string(s);
  return Normalizer(s).run(n);
}

}  // namespace tfguard::utf8
