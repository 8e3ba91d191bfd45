/** Body bytes kept per message unless the caller says otherwise (DESIGN.md: 64 KiB). */
export const HAR_DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** The `sensor.kind` of every event read from a HAR file. */
export const HAR_SENSOR_KIND = 'har';
