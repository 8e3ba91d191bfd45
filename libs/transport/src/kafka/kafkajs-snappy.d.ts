declare module 'kafkajs-snappy' {
  import { type Codec } from 'kafkajs';

  const SnappyCodec: () => ReturnType<Codec>;
  export = SnappyCodec;
}
