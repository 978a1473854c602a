/**
 * The price sources, one file each; adding a source is its file plus one line
 * here. Order matters for "auto": it asks the network sources in this order
 * (those needing a key only when it is set), and its last resort is the first
 * synthetic one.
 */
import type {SourceDefinition} from "../source.js";
import {csv} from "./csv.js";
import {sample} from "./sample.js";
import {tiingo} from "./tiingo.js";
import {yahoo} from "./yahoo.js";

export const SOURCES: readonly SourceDefinition[] = [yahoo, tiingo, csv, sample];
