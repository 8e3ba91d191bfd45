module.exports = { ...require('../../jest.preset.cjs')(__dirname, 'sensor-pcap'), testTimeout: 120_000 };
