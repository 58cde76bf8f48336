//! Soreness marks at the boundary. As with sessions, inputs are loose so bad values come back as
//! field errors from `validate` rather than as parse failures.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
    /// RFC 3339 instant in UTC.
    pub at_utc: String,
    pub at_local: String,
    pub zone: String,
    pub session_id: Option<String>,
    pub created_at: String,
    pub updated_at: String,
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
            at_local: self.at_local.clone(),
            zone: self.zone.clone(),
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
    pub start_utc: String,
    pub start_local: String,
    pub massage_type: String,
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
