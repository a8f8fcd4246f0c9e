// Checks a playground publish against the client's MQTT version and what the broker announced in its CONNACK
// (MQTT 5: maximum QoS, maximum packet size, retain available), and builds the mqtt.js options. No I/O.
import type { IClientPublishOptions, IConnackPacket } from 'mqtt';
import type { Mqtt5PublishProperties } from '../../../src-shared/contract/playground';
import { LabError } from '../../../src-shared/contract/result';
import { errorText } from '../../../src-shared/i18n/error-text';
import type { Qos } from '../../../src-shared/contract/schemas';

export interface PublishRequest {
  topic: string;
  payload: string;
  qos: Qos;
  retain: boolean;
  properties?: Mqtt5PublishProperties;
}

function hasProperties(properties: Mqtt5PublishProperties | undefined): properties is Mqtt5PublishProperties {
  if (!properties) return false;
  return properties.messageExpirySeconds !== undefined || properties.contentType !== undefined || (properties.userProperties?.length ?? 0) > 0;
}

/** Fixed header + topic + packet id + payload: close enough to the real size to compare with the broker's limit. */
function estimatedPacketBytes(topic: string, payloadBytes: number, qos: Qos): number {
  const body = 2 + Buffer.byteLength(topic) + (qos > 0 ? 2 : 0) + payloadBytes;
  return 1 + (body < 128 ? 1 : body < 16_384 ? 2 : body < 2_097_152 ? 3 : 4) + body;
}

function mqtt5Properties(properties: Mqtt5PublishProperties): NonNullable<IClientPublishOptions['properties']> {
  const userProperties: Record<string, string[]> = {};
  for (const { key, value } of properties.userProperties ?? []) (userProperties[key] ??= []).push(value);
  return {
    ...(properties.messageExpirySeconds !== undefined ? { messageExpiryInterval: properties.messageExpirySeconds } : {}),
    ...(properties.contentType !== undefined ? { contentType: properties.contentType } : {}),
    ...(Object.keys(userProperties).length > 0 ? { userProperties } : {}),
  };
}

export function checkPublish(request: PublishRequest, protocolVersion: 4 | 5, connack: IConnackPacket | undefined) {
  const payload = Buffer.from(request.payload, 'utf8');
  const announced = connack?.properties;
  if (hasProperties(request.properties) && protocolVersion !== 5) {
    throw new LabError(
      'INVALID_INPUT',
      errorText('errors.playground.mqtt5Only'),
      'properties',
    );
  }
  if (announced?.maximumQoS !== undefined && request.qos > announced.maximumQoS) {
    throw new LabError(
      'INVALID_INPUT',
      errorText('errors.playground.maxQos', { max: announced.maximumQoS, qos: request.qos }),
      'qos',
    );
  }
  if (announced?.retainAvailable === false && request.retain) {
    throw new LabError('INVALID_INPUT', errorText('errors.playground.noRetain'), 'retain');
  }
  const sizeBytes = estimatedPacketBytes(request.topic, payload.length, request.qos);
  if (announced?.maximumPacketSize !== undefined && sizeBytes > announced.maximumPacketSize) {
    throw new LabError(
      'INVALID_INPUT',
      errorText('errors.playground.tooLarge', { bytes: sizeBytes, max: announced.maximumPacketSize }),
      'payload',
    );
  }
  const options: IClientPublishOptions = { qos: request.qos, retain: request.retain };
  if (hasProperties(request.properties)) options.properties = mqtt5Properties(request.properties);
  return { payload, options };
}
