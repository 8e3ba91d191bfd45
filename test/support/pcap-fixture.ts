/** A classic pcap holding Ethernet/IPv4/TCP frames with the given payloads (for inputs the corpus lacks). */
export function tcpCapture(
  packets: Array<{ sport: number; dport: number; seq: number; flags?: number; payload: Buffer }>,
): Buffer {
  const header = Buffer.alloc(24);
  header.writeUInt32LE(0xa1b2c3d4, 0);
  header.writeUInt16LE(2, 4);
  header.writeUInt16LE(4, 6);
  header.writeUInt32LE(65535, 16);
  header.writeUInt32LE(1, 20);
  const records = packets.map((p, i) => {
    const frame = Buffer.alloc(54 + p.payload.length);
    frame.writeUInt16BE(0x0800, 12);
    frame[14] = 0x45;
    frame.writeUInt16BE(40 + p.payload.length, 16);
    frame[22] = 64;
    frame[23] = 6;
    frame.writeUInt32BE(0x0a000001, 26);
    frame.writeUInt32BE(0x0a000002, 30);
    frame.writeUInt16BE(p.sport, 34);
    frame.writeUInt16BE(p.dport, 36);
    frame.writeUInt32BE(p.seq, 38);
    frame[46] = 0x50;
    frame[47] = p.flags ?? 0x18;
    p.payload.copy(frame, 54);
    const record = Buffer.alloc(16);
    record.writeUInt32LE(1_700_000_000 + i, 0);
    record.writeUInt32LE(frame.length, 8);
    record.writeUInt32LE(frame.length, 12);
    return Buffer.concat([record, frame]);
  });
  return Buffer.concat([header, ...records]);
}
