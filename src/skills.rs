//! Skills and pathways: what the wallet's badges say the learner can do, how they stack, and
//! when they were earned (issue 11). Built from the parsed views only (display data; nothing
//! here is a verdict), the same for the CLI, the app and the exports.
//!
//! - **Skills**: every alignment of every badge (OB 2.0 `BadgeClass.alignment`,
//!   <https://www.imsglobal.org/sites/default/files/Badges/OBv2p0Final/index.html#AlignmentObject>;
//!   OB 3.0 `Achievement.alignment` with `targetFramework`, `targetCode`, `targetName`,
//!   `targetUrl`, `targetType`, <https://www.imsglobal.org/spec/ob/v3p0/#alignment>), grouped by
//!   framework, then by skill (its `targetCode` within the framework, else its `targetUrl`,
//!   else its `targetName`), with the badges behind each. Results (OB 3.0 `result` named by
//!   their `resultDescription`, <https://www.imsglobal.org/spec/ob/v3p0/#result>) and
//!   achievement types (`achievementType`) are grouped the same way.
//! - **Stacks**: achievements that reference each other: OB 3.0 `Achievement.related`
//!   (<https://www.imsglobal.org/spec/ob/v3p0/#related>) and CLR 2.0 `association`s
//!   (<https://www.imsglobal.org/spec/clr/v2p0/#association>) join achievements into one stack,
//!   ordered as a path (parents and predecessors first, then by date); badges aligned to the
//!   same target form a stack of their own, in date order.
//! - **Timeline**: every badge by issue date, oldest first, undated last.
//!
//! [`SkillsView::search`] keeps the skills, results and types whose text holds every word of
//! a query (case-insensitive); stacks and the timeline are the whole wallet's.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use crate::model::Badge;

/// Name shown for alignments that name no framework.
pub const NO_FRAMEWORK: &str = "Other skills";

/// One badge as the skills view refers to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct BadgeRef {
    /// Wallet id.
    pub id: i64,
    /// Badge name.
    pub name: String,
    /// Issuer name (or id).
    pub issuer: Option<String>,
    /// Issue date, RFC 3339.
    pub issued: Option<String>,
    /// OB 3.0 `achievementType`.
    pub achievement_type: Option<String>,
}

/// One skill (alignment target) and the badges aligned to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct Skill {
    /// Display name: `targetName`, else the code, else the URL.
    pub name: String,
    /// `targetCode`, if any.
    pub code: Option<String>,
    /// The first `targetDescription` given.
    pub description: Option<String>,
    /// Every distinct `targetUrl` given for it, in order of appearance.
    pub urls: Vec<String>,
    /// Every distinct `targetType` given for it (OB 3.0), in order of appearance.
    pub types: Vec<String>,
    /// Wallet ids of the badges aligned to it, ascending.
    pub badges: Vec<i64>,
}

/// A framework and its skills, A→Z.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct Framework {
    /// `targetFramework`, or [`NO_FRAMEWORK`].
    pub name: String,
    /// True for [`NO_FRAMEWORK`] (alignments that named none).
    pub unnamed: bool,
    /// Its skills, by name.
    pub skills: Vec<Skill>,
}

/// One badge's result under a result name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct ResultRef {
    /// Wallet id.
    pub badge: i64,
    /// The value (grade, score).
    pub value: Option<String>,
    /// Status (Completed, …).
    pub status: Option<String>,
    /// Achieved rubric level.
    pub achieved_level: Option<String>,
}

/// Results with the same name (`resultDescription` name or result type).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct ResultGroup {
    /// The name.
    pub label: String,
    /// Each result, by badge id.
    pub results: Vec<ResultRef>,
}

/// Badges of one `achievementType`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct TypeGroup {
    /// The type, e.g. `Certificate`.
    pub achievement_type: String,
    /// Wallet ids, ascending.
    pub badges: Vec<i64>,
}

/// What made a stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum StackKind {
    /// Achievements linked by OB 3.0 `related` and/or CLR `association`s.
    Linked,
    /// Badges aligned to the same target.
    SharedTarget,
}

/// One achievement in a stack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct Step {
    /// The achievement id, when it has one.
    pub achievement_id: Option<String>,
    /// Display name: a held badge's name, else the name a CLR gives, else the id.
    pub name: String,
    /// Wallet ids of the badges for this achievement (empty: not in the wallet).
    pub badges: Vec<i64>,
}

/// A link between two steps of a stack, as the badge states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct StackLink {
    /// Index of the source step.
    pub from: usize,
    /// Index of the target step.
    pub to: usize,
    /// `related`, or the CLR `associationType` (`isParentOf`, `precedes`, …).
    pub relation: String,
}

/// Achievements that belong together, in path order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct Stack {
    /// What joined them.
    pub kind: StackKind,
    /// A title: the transcript that states the links, the shared skill, or the first step.
    pub title: String,
    /// The steps, in path order.
    pub steps: Vec<Step>,
    /// The links between steps (empty for a shared target).
    pub links: Vec<StackLink>,
    /// Wallet ids of the badges that state the links (a CLR, a badge with `related`).
    pub stated_by: Vec<i64>,
}

/// The whole skills view of a wallet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename_all = "camelCase"))]
pub struct SkillsView {
    /// Frameworks A→Z ([`NO_FRAMEWORK`] last), each with its skills.
    pub frameworks: Vec<Framework>,
    /// Results by name, A→Z.
    pub results: Vec<ResultGroup>,
    /// Achievement types, A→Z.
    pub achievement_types: Vec<TypeGroup>,
    /// Stacks: linked ones first, then shared targets, each group by title.
    pub stacks: Vec<Stack>,
    /// Every badge by issue date, oldest first, undated last.
    pub timeline: Vec<BadgeRef>,
}

/// Case-insensitive comparison key for names.
fn fold(s: &str) -> String {
    s.trim().to_lowercase()
}

/// At most this many distinct URLs or types are kept per skill (display only; bounds the work
/// a wallet of badges that each give one skill a new address can cause).
const MAX_VARIANTS: usize = 16;

fn push_unique(v: &mut Vec<String>, s: &Option<String>) {
    if let Some(s) = s
        && v.len() < MAX_VARIANTS
        && !v.contains(s)
    {
        v.push(s.clone());
    }
}

fn push_id(v: &mut Vec<i64>, id: i64) {
    if let Err(at) = v.binary_search(&id) {
        v.insert(at, id);
    }
}

/// The identity of an alignment target within its framework: code, else URL, else name.
fn skill_key(a: &crate::model::Alignment) -> Option<String> {
    a.target_code
        .as_deref()
        .map(|c| format!("code:{}", fold(c)))
        .or_else(|| a.target_url.as_deref().map(|u| format!("url:{}", u.trim())))
        .or_else(|| {
            a.target_name
                .as_deref()
                .map(|n| format!("name:{}", fold(n)))
        })
}

/// Build the skills view from the wallet's current badges `(wallet id, view)`.
pub fn build(badges: &[(i64, Badge)]) -> SkillsView {
    // framework key -> (display name, skill key -> skill)
    let mut frameworks: BTreeMap<(bool, String), (String, BTreeMap<String, Skill>)> =
        BTreeMap::new();
    let mut results: BTreeMap<String, (String, Vec<ResultRef>)> = BTreeMap::new();
    let mut types: BTreeMap<String, (String, Vec<i64>)> = BTreeMap::new();
    for (id, b) in badges {
        for a in &b.alignments {
            let Some(key) = skill_key(a) else { continue };
            let fw_name = a.target_framework.clone();
            let fw_key = (
                fw_name.is_none(),
                fw_name.as_deref().map(fold).unwrap_or_default(),
            );
            let fw = frameworks.entry(fw_key).or_insert_with(|| {
                (
                    fw_name.unwrap_or_else(|| NO_FRAMEWORK.to_owned()),
                    BTreeMap::new(),
                )
            });
            let skill = fw.1.entry(key).or_insert_with(|| Skill {
                name: a
                    .target_name
                    .clone()
                    .or_else(|| a.target_code.clone())
                    .or_else(|| a.target_url.clone())
                    .unwrap_or_default(),
                code: a.target_code.clone(),
                description: None,
                urls: Vec::new(),
                types: Vec::new(),
                badges: Vec::new(),
            });
            if skill.description.is_none() {
                skill.description = a.target_description.clone();
            }
            push_unique(&mut skill.urls, &a.target_url);
            push_unique(&mut skill.types, &a.target_type);
            push_id(&mut skill.badges, *id);
        }
        for r in &b.results {
            let Some(label) = r.label.clone() else {
                continue;
            };
            results
                .entry(fold(&label))
                .or_insert_with(|| (label, Vec::new()))
                .1
                .push(ResultRef {
                    badge: *id,
                    value: r.value.clone(),
                    status: r.status.clone(),
                    achieved_level: r.achieved_level.clone(),
                });
        }
        if let Some(t) = &b.achievement_type {
            push_id(
                &mut types
                    .entry(fold(t))
                    .or_insert_with(|| (t.clone(), Vec::new()))
                    .1,
                *id,
            );
        }
    }
    let frameworks = frameworks
        .into_iter()
        .map(|((unnamed, _), (name, skills))| {
            let mut skills: Vec<Skill> = skills.into_values().collect();
            skills.sort_by_cached_key(|s| (fold(&s.name), s.code.clone()));
            Framework {
                name,
                unnamed,
                skills,
            }
        })
        .collect::<Vec<_>>();
    let mut results: Vec<ResultGroup> = results
        .into_values()
        .map(|(label, mut results)| {
            results.sort_by_key(|r| r.badge);
            ResultGroup { label, results }
        })
        .collect();
    results.sort_by_cached_key(|g| fold(&g.label));
    let achievement_types = types
        .into_values()
        .map(|(achievement_type, badges)| TypeGroup {
            achievement_type,
            badges,
        })
        .collect();

    let timeline = timeline(badges);
    let order: HashMap<i64, usize> = timeline
        .iter()
        .enumerate()
        .map(|(i, b)| (b.id, i))
        .collect();
    let mut stacks = linked_stacks(badges, &order);
    stacks.extend(shared_target_stacks(&frameworks, &timeline, &order));
    SkillsView {
        frameworks,
        results,
        achievement_types,
        stacks,
        timeline,
    }
}

/// Badges by issue date (instants compared as RFC 3339 UTC strings), undated last, then by id.
fn timeline(badges: &[(i64, Badge)]) -> Vec<BadgeRef> {
    let mut out: Vec<BadgeRef> = badges
        .iter()
        .map(|(id, b)| BadgeRef {
            id: *id,
            name: b.name.clone(),
            issuer: b.issuer.name.clone().or_else(|| b.issuer.id.clone()),
            issued: b.issued.clone(),
            achievement_type: b.achievement_type.clone(),
        })
        .collect();
    out.sort_by_cached_key(|b| {
        let instant = b
            .issued
            .as_deref()
            .and_then(|d| chrono::DateTime::parse_from_rfc3339(d).ok())
            .map(|d| d.with_timezone(&chrono::Utc));
        (instant.is_none(), instant, b.id)
    });
    out
}

/// Stacks of achievements joined by `related` and CLR associations.
fn linked_stacks(badges: &[(i64, Badge)], order: &HashMap<i64, usize>) -> Vec<Stack> {
    struct Node {
        id: String,
        name: Option<String>,
        badges: Vec<i64>,
    }
    let mut nodes: Vec<Node> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut node = |nodes: &mut Vec<Node>, id: &str| -> usize {
        let id = id.trim();
        *index.entry(id.to_owned()).or_insert_with(|| {
            nodes.push(Node {
                id: id.to_owned(),
                name: None,
                badges: Vec::new(),
            });
            nodes.len() - 1
        })
    };
    // A CLR's own `achievement_id` is only the first achievement its transcript lists: the
    // CLR is the badge that states the links, not the holder of that achievement.
    let is_clr = |b: &Badge| b.spec_version == "CLR 2.0";
    for (id, b) in badges.iter().filter(|(_, b)| !is_clr(b)) {
        if let Some(a) = &b.achievement_id {
            let n = node(&mut nodes, a);
            push_id(&mut nodes[n].badges, *id);
        }
    }
    // (from, to, relation, stated by)
    let mut edges: Vec<(usize, usize, String, i64)> = Vec::new();
    for (id, b) in badges {
        if let Some(a) = b.achievement_id.as_ref().filter(|_| !is_clr(b)) {
            let from = node(&mut nodes, a);
            for r in &b.related {
                let to = node(&mut nodes, &r.id);
                if to != from {
                    edges.push((from, to, "related".to_owned(), *id));
                }
            }
        }
        for a in &b.associations {
            let from = node(&mut nodes, &a.source_id);
            let to = node(&mut nodes, &a.target_id);
            if nodes[from].name.is_none() {
                nodes[from].name = a.source_name.clone();
            }
            if nodes[to].name.is_none() {
                nodes[to].name = a.target_name.clone();
            }
            if to != from {
                edges.push((from, to, a.association_type.clone(), *id));
            }
        }
    }
    if edges.is_empty() {
        return Vec::new();
    }
    // Connected components (union-find).
    let mut parent: Vec<usize> = (0..nodes.len()).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for (a, b, _, _) in &edges {
        let (ra, rb) = (root(&mut parent, *a), root(&mut parent, *b));
        if ra != rb {
            parent[ra] = rb;
        }
    }
    let by_id: HashMap<i64, &Badge> = badges.iter().map(|(i, b)| (*i, b)).collect();
    let name_of = |n: &Node| -> String {
        n.badges
            .first()
            .and_then(|id| by_id.get(id))
            .map(|b| b.name.clone())
            .or_else(|| n.name.clone())
            .unwrap_or_else(|| n.id.clone())
    };
    // Earliest timeline position of a node's badges (not held: after every held one), then name.
    let ranks: Vec<(usize, String)> = nodes
        .iter()
        .map(|n| {
            let pos = n
                .badges
                .iter()
                .filter_map(|id| order.get(id).copied())
                .min()
                .unwrap_or(usize::MAX);
            (pos, fold(&name_of(n)))
        })
        .collect();
    // Components, each node once in first-seen order, and the edges of each. Everything below
    // is O((nodes + edges) log nodes): a wallet of badges that all name each other stays fast.
    let mut comp_of: HashMap<usize, usize> = HashMap::new();
    let mut comp_by_root: HashMap<usize, usize> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for n in edges.iter().flat_map(|(a, b, _, _)| [*a, *b]) {
        if comp_of.contains_key(&n) {
            continue;
        }
        let r = root(&mut parent, n);
        let c = *comp_by_root.entry(r).or_insert_with(|| {
            members.push(Vec::new());
            members.len() - 1
        });
        members[c].push(n);
        comp_of.insert(n, c);
    }
    let mut comp_edges: Vec<Vec<usize>> = vec![Vec::new(); members.len()];
    for (i, (a, _, _, _)) in edges.iter().enumerate() {
        comp_edges[comp_of[a]].push(i);
    }
    let mut stacks = Vec::new();
    for (c, mem) in members.iter().enumerate() {
        let my_edges: Vec<&(usize, usize, String, i64)> =
            comp_edges[c].iter().map(|i| &edges[*i]).collect();
        // "before" pairs: parents, wholes and predecessors come first.
        let mut indegree: HashMap<usize, usize> = mem.iter().map(|n| (*n, 0)).collect();
        let mut after: HashMap<usize, Vec<usize>> = HashMap::new();
        for (a, b, rel, _) in &my_edges {
            let (x, y) = match rel.as_str() {
                "isParentOf" | "precedes" | "replacedBy" => (*a, *b),
                "isChildOf" | "isPartOf" => (*b, *a),
                _ => continue,
            };
            if let Some(d) = indegree.get_mut(&y) {
                *d += 1;
            }
            after.entry(x).or_default().push(y);
        }
        // Kahn's algorithm, the earliest-ranked ready step first; in a cycle, the
        // earliest-ranked step left.
        let key = |n: usize| (&ranks[n], n);
        let mut ready: BTreeSet<(&(usize, String), usize)> = mem
            .iter()
            .filter(|n| indegree[*n] == 0)
            .map(|n| key(*n))
            .collect();
        let mut left: BTreeSet<(&(usize, String), usize)> = mem.iter().map(|n| key(*n)).collect();
        let mut placed: BTreeSet<usize> = BTreeSet::new();
        let mut path: Vec<usize> = Vec::with_capacity(mem.len());
        while let Some(first) = left.first().copied() {
            let pick = ready.pop_first().unwrap_or(first);
            left.remove(&pick);
            let n = pick.1;
            placed.insert(n);
            path.push(n);
            for y in after.get(&n).into_iter().flatten() {
                if placed.contains(y) {
                    continue;
                }
                if let Some(d) = indegree.get_mut(y) {
                    *d = d.saturating_sub(1);
                    if *d == 0 {
                        ready.insert(key(*y));
                    }
                }
            }
        }
        let pos: HashMap<usize, usize> = path.iter().enumerate().map(|(i, n)| (*n, i)).collect();
        let steps: Vec<Step> = path
            .iter()
            .map(|n| Step {
                achievement_id: Some(nodes[*n].id.clone()),
                name: name_of(&nodes[*n]),
                badges: nodes[*n].badges.clone(),
            })
            .collect();
        let mut links: Vec<StackLink> = Vec::new();
        let mut seen: std::collections::HashSet<(usize, usize, &str)> =
            std::collections::HashSet::new();
        let mut stated_by: BTreeSet<i64> = BTreeSet::new();
        for (a, b, rel, by) in &my_edges {
            if seen.insert((pos[a], pos[b], rel.as_str())) {
                links.push(StackLink {
                    from: pos[a],
                    to: pos[b],
                    relation: rel.clone(),
                });
            }
            stated_by.insert(*by);
        }
        // A CLR that states associations names the stack; else the first step does.
        let title = my_edges
            .iter()
            .find(|(_, _, rel, _)| rel != "related")
            .and_then(|(_, _, _, by)| by_id.get(by))
            .map(|b| b.name.clone())
            .unwrap_or_else(|| steps[0].name.clone());
        stacks.push(Stack {
            kind: StackKind::Linked,
            title,
            steps,
            links,
            stated_by: stated_by.into_iter().collect(),
        });
    }
    stacks.sort_by_cached_key(|s| (fold(&s.title), s.stated_by.clone()));
    stacks
}

/// One stack per skill that two or more badges are aligned to, in date order.
fn shared_target_stacks(
    frameworks: &[Framework],
    timeline: &[BadgeRef],
    order: &HashMap<i64, usize>,
) -> Vec<Stack> {
    let name = |id: i64| {
        order
            .get(&id)
            .map(|i| timeline[*i].name.clone())
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for fw in frameworks {
        for skill in &fw.skills {
            if skill.badges.len() < 2 {
                continue;
            }
            let mut ids = skill.badges.clone();
            ids.sort_by_key(|id| (order.get(id).copied().unwrap_or(usize::MAX), *id));
            out.push(Stack {
                kind: StackKind::SharedTarget,
                title: skill.name.clone(),
                steps: ids
                    .into_iter()
                    .map(|id| Step {
                        achievement_id: None,
                        name: name(id),
                        badges: vec![id],
                    })
                    .collect(),
                links: Vec::new(),
                stated_by: Vec::new(),
            });
        }
    }
    out
}

impl SkillsView {
    /// Keep only the skills, results and achievement types whose text holds every word of
    /// `query` (case-insensitive); a framework whose name matches keeps all its skills.
    /// Stacks and the timeline are left whole. An empty query keeps everything.
    pub fn search(mut self, query: &str) -> SkillsView {
        let words: Vec<String> = query
            .split_whitespace()
            .take(16)
            .map(str::to_lowercase)
            .collect();
        if words.is_empty() {
            return self;
        }
        let hit = |texts: &[Option<&str>]| {
            let hay: String = texts
                .iter()
                .flatten()
                .map(|t| t.to_lowercase())
                .collect::<Vec<_>>()
                .join("\n");
            words.iter().all(|w| hay.contains(w.as_str()))
        };
        self.frameworks.retain_mut(|fw| {
            let fw_name = fw.name.clone();
            fw.skills.retain(|s| {
                let mut texts = vec![
                    Some(fw_name.as_str()),
                    Some(s.name.as_str()),
                    s.code.as_deref(),
                    s.description.as_deref(),
                ];
                texts.extend(s.urls.iter().map(|u| Some(u.as_str())));
                texts.extend(s.types.iter().map(|t| Some(t.as_str())));
                hit(&texts)
            });
            !fw.skills.is_empty()
        });
        self.results.retain_mut(|g| {
            let label = g.label.clone();
            if hit(&[Some(&label)]) {
                return true;
            }
            g.results.retain(|r| {
                hit(&[
                    Some(&label),
                    r.value.as_deref(),
                    r.status.as_deref(),
                    r.achieved_level.as_deref(),
                ])
            });
            !g.results.is_empty()
        });
        self.achievement_types
            .retain(|t| hit(&[Some(&t.achievement_type)]));
        self
    }

    /// Wallet ids of every badge behind a skill, result or type, ascending.
    pub fn badge_ids(&self) -> Vec<i64> {
        let mut ids = BTreeSet::new();
        for fw in &self.frameworks {
            for s in &fw.skills {
                ids.extend(s.badges.iter().copied());
            }
        }
        for g in &self.results {
            ids.extend(g.results.iter().map(|r| r.badge));
        }
        for t in &self.achievement_types {
            ids.extend(t.badges.iter().copied());
        }
        ids.into_iter().collect()
    }
}

impl crate::store::Wallet {
    /// The skills view of the wallet's current badges, narrowed by `query` when given
    /// (see [`SkillsView::search`]).
    pub fn skills(&self, query: Option<&str>) -> crate::store::StoreResult<SkillsView> {
        let view = build(&self.current_views()?);
        Ok(match query {
            Some(q) => view.search(q),
            None => view,
        })
    }
}
