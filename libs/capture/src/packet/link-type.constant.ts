/** LINKTYPE_* values (https://www.tcpdump.org/linktypes.html) the decoder understands. */
export const LinkType = {
  NULL: 0,
  ETHERNET: 1,
  PPP: 9,
  /** DLT_RAW as written by some BSDs. */
  RAW_BSD_12: 12,
  RAW_BSD_14: 14,
  PPP_HDLC: 50,
  PPPOE: 51,
  RAW: 101,
  C_HDLC: 104,
  IEEE802_11: 105,
  LOOP: 108,
  LINUX_SLL: 113,
  IEEE802_11_RADIOTAP: 127,
  IPV4: 228,
  IPV6: 229,
  LINUX_SLL2: 276,
} as const;

export const ETHERTYPE = {
  IPV4: 0x0800,
  IPV6: 0x86dd,
  VLAN: 0x8100,
  QINQ: 0x88a8,
  QINQ_OLD: 0x9100,
  MPLS: 0x8847,
  MPLS_MULTICAST: 0x8848,
  PPPOE_SESSION: 0x8864,
  TRANSPARENT_ETHERNET: 0x6558,
  ERSPAN_II: 0x88be,
  ERSPAN_III: 0x22eb,
} as const;

/** Pseudo protocols used between layers: "an Ethernet frame starts here", "IP, version in the first nibble". */
export const NET_ETHERNET = 0x10000;
export const NET_IP_BY_VERSION = 0x10001;
export const NET_PPP = 0x10002;
