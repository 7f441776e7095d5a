import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classifyIp, inCidr, parseIp, throttleKeyOf, type AddressRange } from "./ip-address.ts";

const rangeOf = (text: string): AddressRange | null => {
  const bytes = parseIp(text);
  return bytes ? classifyIp(bytes) : null;
};

describe("IP addresses", () => {
  it("classifies every spelling a URL parser or resolver can hand over", () => {
    const cases: [string, AddressRange][] = [
      ["127.0.0.1", "loopback"],
      ["127.255.255.254", "loopback"],
      ["::1", "loopback"],
      ["[::1]", "loopback"],
      ["0:0:0:0:0:0:0:1", "loopback"],
      ["::ffff:127.0.0.1", "loopback"],
      ["[::ffff:7f00:1]", "loopback"],
      ["64:ff9b::7f00:1", "loopback"],
      ["2002:7f00:1::", "loopback"],
      ["0.0.0.0", "unspecified"],
      ["::", "unspecified"],
      ["10.1.2.3", "private"],
      ["172.16.0.1", "private"],
      ["172.31.255.255", "private"],
      ["192.168.1.1", "private"],
      ["100.64.0.1", "private"],
      ["::ffff:192.168.0.1", "private"],
      ["169.254.169.254", "link-local"],
      ["fe80::1%eth0", "link-local"],
      ["fc00::1", "unique-local"],
      ["fd12:3456::1", "unique-local"],
      ["224.0.0.1", "multicast"],
      ["ff02::1", "multicast"],
      ["255.255.255.255", "reserved"],
      ["172.32.0.1", "public"],
      ["93.184.216.34", "public"],
      ["2606:4700::1111", "public"],
    ];
    for (const [text, range] of cases) assert.equal(rangeOf(text), range, text);
  });

  it("refuses what is not an address", () => {
    for (const text of [
      "localhost",
      "1.2.3",
      "1.2.3.4.5",
      "256.0.0.1",
      "::1::2",
      "1:2:3:4:5:6:7:8:9",
      "g::1",
      "",
    ])
      assert.equal(parseIp(text), null, text);
  });

  it("matches CIDR ranges of both families", () => {
    assert.ok(inCidr(parseIp("10.20.30.40")!, "10.0.0.0/8"));
    assert.ok(!inCidr(parseIp("11.0.0.1")!, "10.0.0.0/8"));
    assert.ok(inCidr(parseIp("fd00::5")!, "fd00::/8"));
    assert.ok(inCidr(parseIp("192.168.5.5")!, "192.168.5.5"));
    assert.ok(!inCidr(parseIp("192.168.5.6")!, "192.168.5.5"));
  });

  it("groups IPv6 clients by /64 and keeps IPv4 addresses as they are", () => {
    assert.equal(throttleKeyOf("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
    assert.equal(throttleKeyOf("2001:db8:1:2:ffff:ffff:ffff:ffff"), "2001:db8:1:2::/64");
    assert.notEqual(throttleKeyOf("2001:db8:1:3::1"), throttleKeyOf("2001:db8:1:2::1"));
    assert.equal(throttleKeyOf("203.0.113.7"), "203.0.113.7");
    assert.equal(throttleKeyOf("::ffff:203.0.113.7"), "203.0.113.7");
  });
});
