/** The tall and wide studies of the ordering bench alone (issue 13): npx tsx bench/ordering-tall.ts */
import { benchTallStudies } from "./ordering";

benchTallStudies();
