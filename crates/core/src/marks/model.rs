//! Soreness marks at the boundary. As with sessions, inputs are loose so bad values come back as
//! field errors from `validate` rather than as parse failures.

use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::sessions::MassageType;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Sensation {
    Tight,
    Sore,
    Pain,
    Injury,
}

impl Sensation {
    pub fn as_str(self) -> &'static str {
        match self {
            Sensation::Tight => "tight",
            Sensation::Sore => "sore",
            Sensation::Pain => "pain",
            Sensation::Injury => "injury",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Sensation::Tight, Sensation::Sore, Sensation::Pain, Sensation::Injury]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MarkInput {
    pub region_id: String,
    pub sensation: Sensation,
    /// 0 (nothing) to 10 (worst imaginable).
    pub intensity: i32,
    pub swelling: bool,
    pub bruising: bool,
    pub note: String,
    /// Wall time of the observation, `YYYY-MM-DDTHH:MM`.
    pub at_local: String,
    pub zone: String,
    /// The session this mark belongs to, if any.
    pub session_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Mark {
    pub id: String,
    pub region_id: String,
    pub sensation: Sensation,
    pub intensity: i32,
    pub swelling: bool,
    pub bruising: bool,
    pub note: String,
    #[serde(with = "crate::time::serde_fmt::instant")]
    #[ts(type = "string")]
    pub at_utc: DateTime<Utc>,
    /// Wall time in `zone`, `YYYY-MM-DDTHH:MM`.
    #[serde(with = "crate::time::serde_fmt::wall")]
    #[ts(type = "string")]
    pub at_local: NaiveDateTime,
    #[serde(with = "crate::time::serde_fmt::zone")]
    #[ts(type = "string")]
    pub zone: Tz,
    pub session_id: Option<String>,
    #[serde(with = "crate::time::serde_fmt::instant")]
    #[ts(type = "string")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "crate::time::serde_fmt::instant")]
    #[ts(type = "string")]
    pub updated_at: DateTime<Utc>,
}

impl Mark {
    /// Red-flag guidance applies: pain or injury, or swelling or bruising (DESIGN.md).
    pub fn raises_red_flags(&self) -> bool {
        matches!(self.sensation, Sensation::Pain | Sensation::Injury) || self.swelling || self.bruising
    }

    pub fn to_input(&self) -> MarkInput {
        MarkInput {
            region_id: self.region_id.clone(),
            sensation: self.sensation,
            intensity: self.intensity,
            swelling: self.swelling,
            bruising: self.bruising,
            note: self.note.clone(),
            at_local: crate::time::wall_text(self.at_local),
            zone: self.zone.name().to_owned(),
            session_id: self.session_id.clone(),
        }
    }
}

/// The latest marks per region inside a window, for colouring the chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HeatMapQuery {
    /// Window length in days ending now, 1 to 365; 7 when absent.
    pub days: Option<u32>,
}

/// A massage on a region's trend chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MassageMarker {
    pub session_id: String,
    #[serde(with = "crate::time::serde_fmt::instant")]
    #[ts(type = "string")]
    pub start_utc: DateTime<Utc>,
    #[serde(with = "crate::time::serde_fmt::wall")]
    #[ts(type = "string")]
    pub start_local: NaiveDateTime,
    pub massage_type: MassageType,
    /// Whether the massage named this region among its focus regions.
    pub focused: bool,
}

/// One region's marks over time, oldest first, with the massages in that span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RegionHistory {
    pub region_id: String,
    pub marks: Vec<Mark>,
    pub massages: Vec<MassageMarker>,
}
