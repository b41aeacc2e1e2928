import { visualSuite } from './visual-suite.js';
import * as stories from '../../stories/typing-pattern.stories.js';

visualSuite('typing-pattern', stories);
