#pragma once
// IP addresses and CIDR prefixes as Terraform's cidr* functions read and
// print them, plus the containment and classification primitives rules use
// ("is this CIDR inside the admin CIDRs", "is it public").
//
// Parsing follows Terraform's internal/ipaddr (Go's net package as of Go
// 1.16): IPv4 octets with leading zeros are decimal ("010.001.0.0/24" is
// 10.1.0.0/24), IPv6 may end in a dotted IPv4 part, no zones. Printing
// follows Go's net.IP / net.IPNet String(): RFC 5952 IPv6 ("fe80::1"), and
// IPv4-mapped IPv6 (::ffff:a.b.c.d) in dotted IPv4 form.
//
// Implemented in functions_network.cc.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tfguard::eval::cidr {

/// An IPv4 (4 bytes) or IPv6 (16 bytes) address. Bytes past `size` are 0.
struct Address {
  std::array<uint8_t, 16> bytes{};
  uint8_t size = 4;  ///< 4 or 16

  static Address v4(uint8_t a, uint8_t b, uint8_t c, uint8_t d) {
    Address r;
    r.bytes[0] = a, r.bytes[1] = b, r.bytes[2] = c, r.bytes[3] = d;
    return r;
  }
  int bits() const { return size * 8; }
  /// IPv6 of the form ::ffff:a.b.c.d.
  bool isV4Mapped() const;
  /// IPv4, or IPv4-mapped IPv6.
  bool isV4Family() const { return size == 4 || isV4Mapped(); }
  /// The 4-byte form of an IPv4 or IPv4-mapped address (Go's To4).
  std::optional<Address> toV4() const;
  /// The 16-byte form (IPv4 becomes ::ffff:a.b.c.d) (Go's To16).
  Address toV6() const;
  /// Go's net.IP.String().
  std::string toString() const;

  friend bool operator==(const Address&, const Address&) = default;
};

/// Parses a bare address ("10.0.0.1", "fe80::1", "::ffff:10.0.0.1").
std::optional<Address> parseAddress(std::string_view text);

/// A CIDR prefix: an address and a prefix length in bits of that address
/// (an IPv4-mapped IPv6 prefix keeps its 128-bit length, as Go keeps it).
struct Prefix {
  Address address;  ///< the network address when it came from parsePrefix
  int length = 0;   ///< 0..address.bits()

  int bits() const { return address.bits(); }
  /// `address` with the host bits cleared.
  Address network() const;
  /// The first and last addresses of the range.
  Address first() const { return network(); }
  Address last() const;
  /// Go's net.IPNet.String() of `address`/`length` ("10.0.0.0/8",
  /// "fe80::/10"; an IPv4-mapped network prints as IPv4 with length - 96).
  std::string toString() const;
  /// True if `a` lies in this prefix. IPv4 and IPv4-mapped addresses are
  /// the same address; otherwise families must match.
  bool contains(const Address& a) const;
  /// True if every address of `inner` lies in this prefix.
  bool contains(const Prefix& inner) const;
  /// True if the two ranges share any address.
  bool overlaps(const Prefix& other) const;
  /// 0.0.0.0/0 or ::/0 (and IPv4-mapped ::ffff:0:0/96): every address of the family.
  bool isWholeFamily() const;
};

/// Parses "a.b.c.d/n" or "x:y::/n" exactly as Terraform's cidr* functions
/// do; the result's address has its host bits cleared. `as_written`, if
/// given, receives the address before masking (to spot "10.0.0.5/24").
std::optional<Prefix> parsePrefix(std::string_view text, Address* as_written = nullptr);
/// Like parsePrefix, but a bare address is the single-address prefix /32 or
/// /128, as allow lists are often written.
std::optional<Prefix> parsePrefixOrAddress(std::string_view text);

// Go's net.IP predicates (IPv4-mapped addresses classify as IPv4).
bool isUnspecified(const Address& a);  ///< 0.0.0.0, ::
bool isLoopback(const Address& a);     ///< 127.0.0.0/8, ::1
bool isPrivate(const Address& a);      ///< 10/8, 172.16/12, 192.168/16, fc00::/7
bool isLinkLocal(const Address& a);    ///< 169.254/16, fe80::/10
bool isMulticast(const Address& a);    ///< 224/4, ff00::/8

/// True if the whole prefix lies in address space that is not reachable
/// from the public internet: private (RFC 1918, RFC 4193), shared
/// (100.64.0.0/10, RFC 6598), loopback, link-local, unspecified /
/// "this network" (0.0.0.0/8, ::/128), documentation ranges (192.0.2.0/24,
/// 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) and multicast.
bool isNonPublic(const Prefix& p);

}  // namespace tfguard::eval::cidr
