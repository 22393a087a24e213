// What a roll-up returns: coverage, service levels and provider performance, each by area and in total.
import type { Finding } from '../findings';
import type { AreaLevel, Category, LadderRung, RollupRole } from './vocab';

export type { AreaLevel, Category, LadderRung, RollupRole } from './vocab';

/** The three kinds of record sheet. */
export type RecordKind = 'coverage' | 'systems' | 'providers';
export const RECORD_KINDS: readonly RecordKind[] = ['coverage', 'systems', 'providers'];

/** A column the roll-up used, and for what. */
export interface ColumnUse {
  readonly role: RollupRole | 'yesNo';
  /** Column letters ("E"). */
  readonly column: string;
  readonly header: string;
}

/** Where the figures come from: the note under every roll-up sheet. */
export interface SourceInfo {
  readonly sheet: string;
  /** 1-based row of the header. */
  readonly headerRow: number;
  /** 1-based first and last data rows read (the records and the rows skipped between them). */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly columns: readonly ColumnUse[];
  readonly records: number;
  readonly skippedBlank: number;
  readonly skippedTotal: number;
  readonly unreadableCells: number;
  readonly numbersAsText: number;
  /** The user's --map chose this sheet or some of its columns. */
  readonly mapped: boolean;
}

/** One area level present on the sheet, with the header it has there ("Municipio", "District"). */
export interface LevelInfo {
  readonly level: AreaLevel;
  readonly header: string;
  readonly column: string;
}

export interface AreaRef {
  readonly level: AreaLevel;
  readonly levelHeader: string;
  readonly name: string;
  /** The name of the area one level up, null at the top level. */
  readonly parent: string | null;
  /** Names from the top level down to this one: two municipalities may share a name. */
  readonly path: readonly string[];
}

export type CoverageIndicator = 'water' | 'sanitation' | 'schools' | 'healthCentres';
export const COVERAGE_INDICATORS: readonly CoverageIndicator[] = ['water', 'sanitation', 'schools', 'healthCentres'];

export interface RatioCount {
  readonly numerator: number;
  readonly denominator: number;
}

export interface CoverageFigures {
  /** Record rows (communities). */
  readonly records: number;
  /** Sum of the total column (households, or population when that is what the sheet counts). */
  readonly households: number;
  /** Coverage as a fraction: sum of numerators ÷ sum of totals over the records where both are readable. */
  readonly water: number | null;
  readonly sanitation: number | null;
  readonly schools: number | null;
  readonly healthCentres: number | null;
  readonly counts: Readonly<Partial<Record<CoverageIndicator, RatioCount>>>;
}

export interface CoverageArea extends AreaRef, CoverageFigures {}

export interface ThresholdCount {
  readonly level: AreaLevel;
  readonly levelHeader: string;
  /** Areas at that level with a computable figure. */
  readonly of: number;
  /** Areas at or above the threshold, per indicator (null when the sheet does not have it). */
  readonly water: number | null;
  readonly sanitation: number | null;
  readonly schools: number | null;
  readonly healthCentres: number | null;
}

export interface CoverageResult {
  readonly sheet: string;
  readonly source: SourceInfo;
  readonly indicators: readonly CoverageIndicator[];
  readonly levels: readonly LevelInfo[];
  readonly total: CoverageFigures;
  /** Hierarchical order: each area followed by the areas under it. */
  readonly areas: readonly CoverageArea[];
  readonly threshold: number;
  readonly areasAboveThreshold: ThresholdCount | null;
}

export type CategoryCounts = Readonly<Record<Category, number>>;
export type CategoryShares = Readonly<Record<Category, number | null>>;

export interface Bacteriological {
  readonly samples: number;
  readonly passed: number;
  readonly rate: number | null;
}

export interface YesShare {
  readonly answered: number;
  readonly yes: number;
  readonly share: number | null;
}

export interface LadderFigures {
  readonly answered: number;
  readonly counts: Readonly<Record<LadderRung, number>>;
  readonly shares: Readonly<Record<LadderRung, number | null>>;
}

export interface ServiceFigures {
  readonly systems: number;
  readonly byCategory: CategoryCounts;
  /** Shares of the categorised systems. */
  readonly shares: CategoryShares;
  /** Systems with neither a category nor a score. */
  readonly unclassified: number;
  readonly bacteriological: Bacteriological | null;
  readonly chlorination: YesShare | null;
  readonly ladder: LadderFigures | null;
}

export interface ServiceArea extends AreaRef, ServiceFigures {}

export interface ServiceLevelsResult extends ServiceFigures {
  readonly sheet: string;
  readonly source: SourceInfo;
  readonly levels: readonly LevelInfo[];
  /** Systems whose category came from banding the score column. */
  readonly scoreBanded: number;
  readonly areas: readonly ServiceArea[];
}

export interface YesNoColumn {
  readonly header: string;
  readonly column: string;
}

export interface ProviderFigures {
  readonly providers: number;
  readonly byCategory: CategoryCounts;
  readonly shares: CategoryShares;
  readonly unclassified: number;
  /** Share of categorised providers in category A. */
  readonly goodPerformanceShare: number | null;
  /** One per yes/no column, in the order of `yesNoColumns`. */
  readonly yesNo: readonly YesShare[];
}

export interface ProviderArea extends AreaRef, ProviderFigures {}

export interface ProviderPerformanceResult extends ProviderFigures {
  readonly sheet: string;
  readonly source: SourceInfo;
  readonly levels: readonly LevelInfo[];
  readonly yesNoColumns: readonly YesNoColumn[];
  readonly scoreBanded: number;
  readonly areas: readonly ProviderArea[];
}

export interface RollupResult {
  readonly coverage: CoverageResult | null;
  readonly serviceLevels: ServiceLevelsResult | null;
  readonly providerPerformance: ProviderPerformanceResult | null;
  readonly findings: readonly Finding[];
}

export const DEFAULT_THRESHOLD = 0.8;
