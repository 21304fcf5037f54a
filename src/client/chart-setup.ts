/**
 * The one place Chart.js is registered: only the parts our charts use, so the shared chunk stays small. No plugins:
 * each figure's legend is HTML beside the chart (readable without the canvas, drawn into the PNG export), and the
 * hover readout is a few lines of chart-config.ts instead of the Tooltip plugin.
 */
import { Chart, BarController, LineController, BarElement, LineElement, PointElement, CategoryScale, LinearScale } from 'chart.js';

Chart.register(BarController, LineController, BarElement, LineElement, PointElement, CategoryScale, LinearScale);

export { Chart };
