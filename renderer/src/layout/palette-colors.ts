import type { EquipmentKind } from '../../../shared/model/schema';

/** One fill colour per kind of equipment, readable on light and dark grounds and in print. */
export const KIND_COLORS: Record<EquipmentKind, string> = {
  'asic-miner': '#d9a441',
  'miner-rack': '#e0a030',
  'miner-container': '#c77d2a',
  'gpu-server': '#5aa469',
  'gpu-rack': '#3f9d5b',
  cdu: '#3d8bd4',
  crah: '#67b7dc',
  'immersion-tank': '#8e6cc9',
  pdu: '#d45d5d',
  busway: '#b94a8a',
  switchboard: '#c0563b',
  transformer: '#9b4f2e',
  ups: '#7a7a7a',
  generator: '#5c5c5c',
};
