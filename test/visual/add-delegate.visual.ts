import { visualSuite } from './visual-suite.js';
import * as stories from '../../stories/add-delegate.stories.js';

visualSuite('add-delegate', stories);
