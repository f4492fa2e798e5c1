import { NETWORKS, type NetworkId } from '@/utils/networks/catalog';
import { NETWORK_MARKS } from '@/utils/networks/marks.gen';

/**
 * A network's own mark (inline SVG), named for screen readers. Black marks (X, Threads, TikTok)
 * take the text colour so they stay visible in dark mode.
 */
export function NetworkMark({ network, size = 18 }: { network: NetworkId; size?: number }) {
  const mark = NETWORK_MARKS[network];
  const fill = mark.hex === '000000' ? 'currentColor' : `#${mark.hex}`;
  return (
    <svg
      class="net-mark"
      role="img"
      aria-label={NETWORKS[network].name}
      viewBox="0 0 24 24"
      width={size}
      height={size}
      data-network={network}
    >
      <path d={mark.path} fill={fill} fill-rule={mark.evenOdd ? 'evenodd' : undefined} />
    </svg>
  );
}
