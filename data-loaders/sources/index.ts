/**
 * The price sources, one file each; adding a source is its file plus one line
 * here. Order matters for "auto": its live source is the first network source
 * that needs no key, and its last resort the first synthetic one.
 */
import type {SourceDefinition} from "../source.js";
import {csv} from "./csv.js";
import {sample} from "./sample.js";
import {yahoo} from "./yahoo.js";

export const SOURCES: readonly SourceDefinition[] = [yahoo, csv, sample];
