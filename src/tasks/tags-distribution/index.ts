/**
 * edX's tags distribution: how often problems carrying each tag value were
 * answered, and answered correctly, into table tags_distribution.
 * TagsDistributionPerCourse (map/reduce) -> TagsDistributionWorkflow (load).
 */
import { registerTask } from '../../core/index.js';
import { TagsDistributionPerCourse } from './tags-per-course-task.js';
import { TagsDistributionWorkflow } from './tags-workflow-task.js';

registerTask(TagsDistributionPerCourse);
registerTask(TagsDistributionWorkflow);

export { TagsDistributionPerCourse, TagsDistributionWorkflow };
export { taggedSubmissionFromLine, tagsDistribution, type TaggedSubmission, type Tags } from './tagged-submission.js';
